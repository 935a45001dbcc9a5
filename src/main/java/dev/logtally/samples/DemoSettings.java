package dev.logtally.samples;

import dev.logtally.config.Durations;
import ch.qos.logback.core.util.FileSize;
import dev.logtally.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code logtally demo-app} was asked to do, checked once: every problem is a
 * {@link ConfigException} naming the flag.
 *
 * <pre>{@code
 * DemoSettings s = new DemoSettings(100, DemoSettings.parseDuration("--duration", "1m"), Path.of("/tmp/demo"),
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
            throw new ConfigException("--rate", "must be a number of events per second, at least 1, not " + rate);
        }
        if (duration.isNegative()) {
            throw new ConfigException("--duration", "must not be negative");
        }
        if (logDir == null) {
            throw new ConfigException("--log-dir", "is required");
        }
        if (maxFileSize != null) {
            try {
                FileSize.valueOf(maxFileSize);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--max-file-size", "\"" + maxFileSize + "\" is not a size such as 256KB or 10MB");
            }
        }
    }

    /**
     * A duration as Prometheus writes it: {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 2d};
     * {@code 0} is zero.
     *
     * @throws ConfigException naming {@code flag} when {@code text} is not one
     */
    public static Duration parseDuration(String flag, String text) {
        return text.equals("0") ? Duration.ZERO : Durations.parse(flag, text);
    }
}
