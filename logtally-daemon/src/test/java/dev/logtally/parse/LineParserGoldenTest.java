package dev.logtally.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs every hand-written golden case in {@code src/test/resources/parse}. A case may have a
 * {@code <case>.options} properties file: {@code fields.<key>=name} renames, {@code gauges=a,b},
 * {@code capture=all} or {@code capture=MESSAGE,STACK_TRACE}.
 */
class LineParserGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "basic", "skipped", "values", "timestamps", "renamed", "gauges", "order", "nested", "unicode",
        "crlf", "capture", "error-type",
    })
    void golden(String name) throws IOException {
        LineParser parser = new LineParser(options(name));
        String actual = Golden.render(Golden.lines(Golden.resource(name + ".jsonl")), parser);
        Golden.check(name, actual);
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
