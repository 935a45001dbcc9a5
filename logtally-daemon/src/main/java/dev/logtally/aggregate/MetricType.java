package dev.logtally.aggregate;

/** The Prometheus metric types logtally produces. */
public enum MetricType {
    COUNTER("counter"), GAUGE("gauge"), HISTOGRAM("histogram");

    private final String text;

    MetricType(String text) {
        this.text = text;
    }

    /** The type's name in the Prometheus text format ({@code # TYPE x counter}). */
    public String text() {
        return text;
    }
}
