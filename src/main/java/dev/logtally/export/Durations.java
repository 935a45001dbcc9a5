package dev.logtally.export;

import java.time.Duration;

/**
 * Durations written as Prometheus and logtally's configuration write them: {@code 250ms}, {@code 5s},
 * {@code 2m}, {@code 1h}, {@code 90s}; for messages such as {@code timed out after 5s}.
 *
 * <pre>{@code
 * Durations.text(Duration.ofMillis(1500)); // "1500ms"
 * Durations.text(Duration.ofMinutes(5));   // "5m"
 * }</pre>
 */
final class Durations {
    private Durations() {
    }

    static String text(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        if (s != 0 && s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s != 0 && s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
