package dev.logtally.source;

/**
 * How a followed file was rotated; the daemon counts rotations by {@link #label()} in
 * {@code logtally_rotations_total{kind}}.
 *
 * <pre>{@code
 * rotations.labels(notice.kind().label()).inc();
 * }</pre>
 */
public enum RotationKind {
    /** The file was renamed away (Logback's rollover, logrotate's default) and a new one took its name. */
    RENAME("rename"),
    /** The file was cut back in place (copy-truncate) or truncated and rewritten. */
    TRUNCATE("truncate"),
    /** The file was deleted (or moved where the rotated globs do not look) and a new one created. */
    RECREATE("recreate");

    private final String label;

    RotationKind(String label) {
        this.label = label;
    }

    /** The metric label value: {@code rename}, {@code truncate} or {@code recreate}. */
    public String label() {
        return label;
    }
}
