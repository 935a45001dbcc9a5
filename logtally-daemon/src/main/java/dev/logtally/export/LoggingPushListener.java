package dev.logtally.export;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs push failures one line each, rate-limited: a failure whose message differs from the last one
 * logged is always logged; the same message again only once per {@code quiet} period, with the number
 * of repeats left out. The first success after failures is logged once. For a Pushgateway that is down
 * for an hour this gives a line a minute, not thousands.
 *
 * <pre>{@code
 * PushListener listener = counters.andThen(new LoggingPushListener(options, Clock.systemUTC(), Duration.ofMinutes(1)));
 * // WARN push to http://127.0.0.1:9091 failed: ConnectException: Connection refused
 * // WARN push to http://127.0.0.1:9091 failed: ConnectException: Connection refused (29 more since 12:00:00Z)
 * // INFO push to http://127.0.0.1:9091 succeeded again after 31 failed attempts
 * }</pre>
 */
public final class LoggingPushListener implements PushListener {
    private static final Logger LOG = LoggerFactory.getLogger(Pusher.class);

    private final Clock clock;
    private final Duration quiet;
    private final Logger log;
    private String lastMessage;
    private Instant lastLogged;
    private Instant suppressedSince;
    private long suppressed;
    private long failuresSinceSuccess;
    private final String target;

    /** Logs failures of pushes to {@code options.url()} through the {@code dev.logtally.export.Pusher} logger. */
    public LoggingPushListener(PushOptions options, Clock clock, Duration quiet) {
        this(options, clock, quiet, LOG);
    }

    /** Logs failures of {@code what} (e.g. {@code remote write to http://vm:8428/api/v1/write}). */
    public LoggingPushListener(String what, Clock clock, Duration quiet) {
        this(what, clock, quiet, LOG);
    }

    LoggingPushListener(PushOptions options, Clock clock, Duration quiet, Logger log) {
        this("push to " + options.url(), clock, quiet, log);
    }

    private LoggingPushListener(String what, Clock clock, Duration quiet, Logger log) {
        this.target = what;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.quiet = Objects.requireNonNull(quiet, "quiet");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public synchronized void succeeded(Instant at) {
        if (failuresSinceSuccess > 0) {
            log.info("{} succeeded again after {} failed attempt{}", target, failuresSinceSuccess,
                    failuresSinceSuccess == 1 ? "" : "s");
        }
        failuresSinceSuccess = 0;
        lastMessage = null;
        suppressed = 0;
    }

    @Override
    public synchronized void failed(PushFailure failure) {
        failuresSinceSuccess++;
        String message = failure.message();
        Instant now = clock.instant();
        if (message.equals(lastMessage) && now.isBefore(lastLogged.plus(quiet))) {
            if (suppressed++ == 0) {
                suppressedSince = now;
            }
            return;
        }
        if (message.equals(lastMessage) && suppressed > 0) {
            log.warn("{} ({} more since {})", message, suppressed, suppressedSince);
        } else {
            log.warn("{}", message);
        }
        lastMessage = message;
        lastLogged = now;
        suppressed = 0;
    }
}
