package dev.logtally.bench;

import dev.logtally.parse.Event;
import dev.logtally.parse.LineParser;
import dev.logtally.parse.ParseErrorSink;
import dev.logtally.parse.ParserOptions;
import dev.logtally.source.Line;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Lines per second of the parse stage on one thread, side by side with the floor Jackson sets:
 * {@code jacksonTokens} is a bare streaming pass over the same lines (every token, nothing extracted),
 * {@code lineParser} is {@link LineParser} with the tailer's field set (no optional text fields, one
 * gauge). Scores are lines/s ({@code @OperationsPerInvocation}).
 *
 * <pre>
 * mvn -o -q -B -Pjmh package -DskipTests
 * java -jar logtally-bench/target/benchmarks.jar Parse -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParseBenchmark {
    static final int LINES = 4096;

    private Line[] lines;
    private JsonFactory json;
    private LineParser parser;

    @Setup
    public void setUp() {
        ParseLines generated = ParseLines.generate(LINES, 20261124L);
        lines = generated.lines();
        json = new JsonFactory();
        parser = new LineParser(ParserOptions.builder().gauges(List.of("queue_depth")).build());
        // Every generated line must be an event, or the comparison measures something else.
        for (Line line : lines) {
            if (parser.parse(line, (error, l) -> {
                throw new IllegalStateException(error + " in generated line at " + l.offset());
            }) == null) {
                throw new IllegalStateException("generated line skipped");
            }
        }
        System.out.printf("%n%d lines: %d without a stack trace (%.0f bytes on average), %d with one (%.0f bytes)%n",
                LINES, LINES - generated.errorLines(), generated.meanLength(false),
                generated.errorLines(), generated.meanLength(true));
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void jacksonTokens(Blackhole bh) {
        for (Line line : lines) {
            int tokens = 0;
            try (JsonParser p = json.createParser(ObjectReadContext.empty(), line.buf(), line.start(), line.length())) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    tokens += t.id();
                }
            }
            bh.consume(tokens);
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void lineParser(Blackhole bh) {
        for (Line line : lines) {
            Event e = parser.parse(line, ParseErrorSink.IGNORE);
            bh.consume(e);
        }
    }
}
