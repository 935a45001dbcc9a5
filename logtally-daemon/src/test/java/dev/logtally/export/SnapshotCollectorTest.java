package dev.logtally.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logtally.aggregate.MetricSnapshot;
import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SnapshotCollectorTest {

    /** What simpleclient's own 0.0.4 writer (the one PushGateway uses) makes of the collector: the push body. */
    static String pushBody(MetricSnapshot snapshot) throws Exception {
        CollectorRegistry registry = new CollectorRegistry();
        new SnapshotCollector(() -> snapshot).register(registry);
        StringWriter out = new StringWriter();
        io.prometheus.client.exporter.common.TextFormat.write004(out, registry.metricFamilySamples());
        return out.toString();
    }

    @Test
    void simpleclientWritesThePushBodyOfTheGoldenFileWithoutCreatedSeries() throws Exception {
        assertEquals(Fixtures.resource("collector-004.prom"), pushBody(Fixtures.snapshot()));
    }

    @Test
    void countersLoseTheirTotalSuffixInTheFamilyNameOnly() {
        List<Collector.MetricFamilySamples> mfs = new SnapshotCollector(() -> Fixtures.counter("x_total", 4)).collect();
        assertEquals(1, mfs.size());
        assertEquals("x", mfs.get(0).name);
        assertEquals(Collector.Type.COUNTER, mfs.get(0).type);
        assertEquals("x_total", mfs.get(0).samples.get(0).name);
        assertEquals(4.0, mfs.get(0).samples.get(0).value);
    }

    @Test
    void aCounterNotNamedTotalIsSentUntypedUnderItsOwnName() throws Exception {
        assertEquals("# HELP legacy_count A counter.\n# TYPE legacy_count untyped\nlegacy_count 4.0\n",
                pushBody(Fixtures.counter("legacy_count", 4)));
    }

    @Test
    void eachCollectTakesOneSnapshotFromTheSupplier() {
        AtomicInteger calls = new AtomicInteger();
        SnapshotCollector collector = new SnapshotCollector(() -> Fixtures.counter("x_total", calls.incrementAndGet()));
        List<Double> values = new ArrayList<>();
        values.add(collector.collect().get(0).samples.get(0).value);
        values.add(collector.collect().get(0).samples.get(0).value);
        assertEquals(List.of(1.0, 2.0), values);
    }
}
