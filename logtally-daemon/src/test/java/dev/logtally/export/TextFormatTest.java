package dev.logtally.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.logtally.aggregate.MetricFamily;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.aggregate.MetricType;
import dev.logtally.aggregate.Series;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextFormatTest {

    @Test
    void rendersTheFixtureByteForByteAsTheGoldenFile() {
        assertEquals(Fixtures.resource("text-format.prom"), TextFormat.render(Fixtures.snapshot()));
    }

    @Test
    void renderingIsStable() {
        assertEquals(TextFormat.render(Fixtures.snapshot()), TextFormat.render(Fixtures.snapshot()));
    }

    @Test
    void emptySnapshotIsEmptyText() {
        assertEquals("", TextFormat.render(MetricSnapshot.EMPTY));
    }

    @Test
    void writeAppendsTheSameText() throws Exception {
        StringBuilder sb = new StringBuilder("x\n");
        TextFormat.write(Fixtures.counter("a_total", 2), sb);
        assertEquals("x\n# HELP a_total A counter.\n# TYPE a_total counter\na_total 2\n", sb.toString());
    }

    @Test
    void histogramWithWrongBucketCountIsRefusedNamingTheFamily() {
        MetricSnapshot bad = new MetricSnapshot(List.of(new MetricFamily("h", MetricType.HISTOGRAM, "", List.of(),
                new double[] {1, 2}, List.of(Series.histogram(List.of(), new long[] {1, 2}, 0)))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TextFormat.render(bad));
        assertEquals("h: series [] has 2 bucket counts for 3 buckets", e.getMessage());
    }

    @Test
    void seriesWithWrongLabelCountIsRefusedNamingTheFamily() {
        MetricSnapshot bad = new MetricSnapshot(List.of(new MetricFamily("g", MetricType.GAUGE, "", List.of("a", "b"),
                null, List.of(Series.gauge(List.of("x"), 1)))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TextFormat.render(bad));
        assertEquals("g: series [x] has 1 label values for 2 label names [a, b]", e.getMessage());
    }
}
