package dev.logtally.aggregate;

import java.util.List;
import java.util.Optional;

/**
 * Every metric at one instant, as an immutable value, families sorted by name. Produced by the aggregate
 * stage; rendered by the exporters; stored in the checkpoint and restored from it.
 */
public record MetricSnapshot(List<MetricFamily> families) {

    public static final MetricSnapshot EMPTY = new MetricSnapshot(List.of());

    public MetricSnapshot {
        families = List.copyOf(families);
    }

    public Optional<MetricFamily> family(String name) {
        return families.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
