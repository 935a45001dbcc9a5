package dev.logtally.logback;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The child JVM of {@link NeverDropShutdownHookTest}: waits until the drop-in's async worker sleeps, logs
 * N events (they stay queued: the worker sleeps for {@code logtally.asyncMaxLatency}), prints how many are
 * queued and returns from main, so that only Logback's shutdown hook can write them.
 *
 * <pre>{@code
 * java -Dlogback.configurationFile=never-drop-shutdown-hook.xml -Dlogtally.dir=DIR ... ShutdownHookMain 1000
 * }</pre>
 */
public final class ShutdownHookMain {
    private ShutdownHookMain() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        Logger log = LoggerFactory.getLogger("hook");
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        NeverDropAsyncAppender async = (NeverDropAsyncAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("LOGTALLY");
        NeverDropAsyncDropInTest.awaitWorkerAsleep(async);
        for (int i = 0; i < n; i++) {
            log.info("event {}", i);
        }
        System.out.println("queued " + async.getNumberOfElementsInQueue());
    }
}
