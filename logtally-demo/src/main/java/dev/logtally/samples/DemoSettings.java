package dev.logtally.samples;

import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code logtally demo-app} was asked to do, checked once: every problem is a
 * {@link DemoException} naming the flag.
 *
 * <pre>{@code
 * DemoSettings s = new DemoSettings(100, Duration.ofMinutes(1), Path.of("/tmp/demo"),
 *         "2.4.1", 42, "256KB");
 * }</pre>
 *
 * @param rate        events per second, at least 1
 * @param duration    how long to run; {@link Duration#ZERO}: until stopped (Ctrl-C)
 * @param logDir      where the drop-in writes
 * @param release     the {@code release} field, or null for none
 * @param seed        seed of every random choice of the simulation
 * @param maxFileSize {@code logtally.maxFileSize} in Logback's syntax ({@code 256KB}), or null for the default
 */
public record DemoSettings(double rate, Duration duration, Path logDir, String release, long seed, String maxFileSize) {
    /** The {@code service} field and the file stem of the demo's logs. */
    public static final String SERVICE = "loka-stratum";

    public DemoSettings {
        if (!(rate >= 1) || Double.isInfinite(rate)) {
            throw new DemoException("--rate", "must be a number of events per second, at least 1, not " + rate);
        }
        if (duration.isNegative()) {
            throw new DemoException("--duration", "must not be negative");
        }
        if (logDir == null) {
            throw new DemoException("--log-dir", "is required");
        }
        if (maxFileSize != null) {
            try {
                FileSize.valueOf(maxFileSize);
            } catch (IllegalArgumentException e) {
                throw new DemoException("--max-file-size", "\"" + maxFileSize + "\" is not a size such as 256KB or 10MB");
            }
        }
    }
}
