package dev.logtally.parse;

import dev.logtally.testing.Project;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every golden case in {@code src/test/resources/parse} (found by {@link Golden#cases()}), and the
 * drop-in's own golden output through the tailer's parser. A case may have a
 * {@code <case>.options} properties file: {@code fields.<key>=name} renames, {@code gauges=a,b},
 * {@code capture=all} or {@code capture=MESSAGE,STACK_TRACE}.
 */
class LineParserGoldenTest {

    static List<String> cases() {
        return Golden.cases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void golden(String name) throws IOException {
        LineParser parser = new LineParser(options(name));
        String actual = Golden.render(Golden.lines(Golden.resource(name + ".jsonl")), parser);
        Golden.check(name, actual);
    }

    /**
     * The lines the drop-in writes (the logtally-logback module's golden file, kept equal to the real
     * encoder's output by DropInLineFormatTest) become exactly the expected events: the two ends of the
     * contract are checked against each other, not each against its own idea of the format.
     */
    @Test
    void theDropInsGoldenLinesBecomeTheExpectedEvents() throws IOException {
        String golden = Files.readString(Project.dir().resolve("logtally-logback/src/test/resources/logback/golden/drop-in-lines.jsonl"));
        // The golden file masks the one field that differs between runs; any fixed instant stands in for it.
        byte[] dropIn = golden.replace("\"@timestamp\":\"<masked>\"", "\"@timestamp\":\"2026-11-24T10:15:30.123Z\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ParserOptions options = ParserOptions.builder()
                .gauges(List.of("active_connections", "memory_used_bytes", "message_queue_size")).build();
        Golden.checkFile("drop-in.expected", Golden.render(Golden.lines(dropIn), new LineParser(options)));
    }

    static ParserOptions options(String name) throws IOException {
        ParserOptions.Builder b = ParserOptions.builder();
        if (!Golden.hasResource(name + ".options")) {
            return b.build();
        }
        Properties p = new Properties();
        p.load(new ByteArrayInputStream(Golden.resource(name + ".options")));
        for (LogField f : LogField.values()) {
            String renamed = p.getProperty("fields." + f.key());
            if (renamed != null) {
                b.name(f, renamed);
            }
        }
        String gauges = p.getProperty("gauges");
        if (gauges != null) {
            b.gauges(List.of(gauges.split(",")));
        }
        String labels = p.getProperty("labels.extra");
        if (labels != null) {
            b.labels(List.of(labels.split(",")));
        }
        String capture = p.getProperty("capture");
        if ("all".equals(capture)) {
            b.captureAll();
        } else if (capture != null) {
            List<LogField> fields = new ArrayList<>();
            for (String f : capture.split(",")) {
                fields.add(LogField.valueOf(f));
            }
            b.capture(fields.toArray(LogField[]::new));
        }
        return b.build();
    }
}
