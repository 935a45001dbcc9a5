package dev.logtally.logback;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service that logs {@code N} events {@code "event <i>"} through the drop-in (Logback configured as in any
 * service, from {@code -Dlogback.configurationFile}) with a small {@code logtally.maxFileSize}, so that it
 * rolls over many times, then stops the context and exits: run by {@link DropInStacksTest} on each stack.
 *
 * <pre>{@code
 * java -cp ... -Dlogback.configurationFile=../logback/logback.xml -Dlogtally.maxFileSize=64KB dev.logtally.logback.DropInRolloverMain 20000
 * }</pre>
 */
final class DropInRolloverMain {
    private DropInRolloverMain() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        Logger log = LoggerFactory.getLogger("dev.logtally.rollover");
        for (int i = 0; i < n; i++) {
            log.info("event {}", i);
        }
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    }
}
