package dev.logtally.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service in miniature, run by {@link DropInStacksTest} in a child JVM on one stack's exact jars: Logback
 * configures itself as in any service (here from {@code -Dlogback.configurationFile=logback/logback.xml}, the
 * README's example, which includes {@code logtally-appender.xml}), then the golden events are logged
 * ({@link GoldenEvents}, their logger at TRACE) and the context is stopped, which drains the queue.
 *
 * <pre>{@code
 * java -cp target/classes:target/test-classes:target/stacks/sb3/* -Dlogback.configurationFile=../logback/logback.xml \
 *      -Dlogtally.dir=/tmp/x -Dlogtally.file=app dev.logtally.logback.DropInLinesMain
 * }</pre>
 */
final class DropInLinesMain {
    private DropInLinesMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Logger log = LoggerFactory.getLogger(GoldenEvents.LOGGER);
        ((ch.qos.logback.classic.Logger) log).setLevel(Level.TRACE);
        Thread thread = new Thread(() -> GoldenEvents.logEveryKind(log), GoldenEvents.THREAD);
        thread.start();
        thread.join();
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    }
}
