package dev.logtally.samples;

import dev.logtally.logback.Correlation;
import dev.logtally.logback.ErrorType;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An outage of the upstream pool that an operator (or a test) switches on and off from outside the
 * process: while a given file exists, the proxy's pool connections time out {@code errorsPerSecond}
 * times a second, each logged as a {@code connection_timeout} error. It is how the end-to-end test makes
 * the sample service burst into errors and fire the alerts.
 *
 * <pre>{@code
 * Incident incident = Incident.whileExists(Path.of("/tmp/outage"), 30);
 * while (running) { fleet.step(); incident.step(pacer.elapsedNanos()); }
 * }</pre>
 */
abstract class Incident {
    private static final Logger LOG = LoggerFactory.getLogger(StratumProxy.class);

    /** Advances to {@code elapsedNanos} since the start, logging the errors that are due. */
    abstract void step(long elapsedNanos);

    /** No incident, ever. */
    static Incident none() {
        return new Incident() {
            @Override
            void step(long elapsedNanos) {
            }
        };
    }

    /** Errors at {@code errorsPerSecond} while {@code file} exists (looked at every 100 ms). */
    static Incident whileExists(Path file, double errorsPerSecond) {
        return new Incident() {
            private static final long LOOK_EVERY = 100_000_000L;
            private final ErrorType timeout = ErrorType.of("connection_timeout");
            private long nextLook;
            private long activeSince = -1;
            private long fired;

            @Override
            void step(long elapsedNanos) {
                if (elapsedNanos >= nextLook) {
                    nextLook = elapsedNanos + LOOK_EVERY;
                    boolean on = Files.exists(file);
                    if (on && activeSince < 0) {
                        activeSince = elapsedNanos;
                        fired = 0;
                    } else if (!on) {
                        activeSince = -1;
                    }
                }
                if (activeSince < 0) {
                    return;
                }
                long due = (long) ((elapsedNanos - activeSince) / 1e9 * errorsPerSecond);
                for (; fired < due; fired++) {
                    try (Correlation.Scope scope = Correlation.open()) {
                        timeout.log(LOG, new SocketTimeoutException("pool did not answer within 5000 ms"),
                                "upstream pool timed out (incident)");
                    }
                }
            }
        };
    }
}
