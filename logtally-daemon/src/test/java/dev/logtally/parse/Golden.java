package dev.logtally.parse;

import dev.logtally.testing.Project;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logtally.source.Line;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden files of the parse stage: {@code src/test/resources/parse/<case>.jsonl} holds input lines,
 * {@code <case>.expected} what the parser must make of each ({@code <n>: } + {@link EventText}).
 * Lines are split as the source stage splits them: at {@code \n}, a trailing {@code \r} removed.
 *
 * <p>{@code -Dlogtally.golden.update=true} rewrites the expected files from the current output instead
 * of comparing (then review the diff before committing).
 *
 * <pre>{@code
 * Golden.check("basic", Golden.lines(Golden.resource("basic.jsonl")), new LineParser(ParserOptions.defaults()));
 * }</pre>
 */
final class Golden {
    private Golden() {
    }

    /** The directory of the golden files: every {@code <case>.jsonl} in it is a case. */
    static Path dir() {
        return Project.module().resolve("src/test/resources/parse");
    }

    /**
     * Every case, found in {@link #dir()}: the names of its {@code .jsonl} files, sorted. A golden file
     * nobody registered still runs; a case whose {@code .expected} is missing fails.
     */
    static List<String> cases() {
        try (Stream<Path> files = Files.list(dir())) {
            List<String> cases = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".jsonl"))
                    .map(f -> f.substring(0, f.length() - ".jsonl".length())).sorted().toList();
            if (cases.isEmpty()) {
                throw new AssertionError("no golden case in " + dir());
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/parse/" + name)) {
            if (in == null) {
                throw new AssertionError("missing test resource parse/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean hasResource(String name) {
        return Golden.class.getResource("/parse/" + name) != null;
    }

    /** The lines of {@code content}, as the source stage would deliver them. */
    static List<byte[]> lines(byte[] content) {
        List<byte[]> lines = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                int to = i > from && content[i - 1] == '\r' ? i - 1 : i;
                lines.add(Arrays.copyOfRange(content, from, to));
                from = i + 1;
            }
        }
        if (from < content.length) {
            throw new AssertionError("golden input must end with a newline");
        }
        return lines;
    }

    /** Renders every line, numbered from 1, one per output line. */
    static String render(List<byte[]> lines, LineParser parser) {
        StringBuilder out = new StringBuilder();
        long offset = 0;
        for (int n = 0; n < lines.size(); n++) {
            byte[] bytes = lines.get(n);
            // Place the line inside a larger buffer, as the source's reading buffer would hold it.
            byte[] buf = new byte[bytes.length + 7];
            Arrays.fill(buf, (byte) '}');
            System.arraycopy(bytes, 0, buf, 3, bytes.length);
            Line line = new Line("golden", offset, offset + bytes.length + 1, buf, 3, bytes.length, false);
            List<ParseError> errors = new ArrayList<>();
            Event e = parser.parse(line, (error, l) -> errors.add(error));
            out.append(n + 1).append(": ").append(EventText.render(e, errors)).append('\n');
            offset = line.end();
        }
        return out.toString();
    }

    /** Compares (or with the update switch, rewrites) {@code <name>.expected}. */
    static void check(String name, String actual) {
        checkFile(name + ".expected", actual);
    }

    /** Compares (or with the update switch, rewrites) the resource {@code parse/<file>}. */
    static void checkFile(String file, String actual) {
        if (Boolean.getBoolean("logtally.golden.update")) {
            try {
                Files.writeString(dir().resolve(file), actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        String expected = hasResource(file) ? new String(resource(file), StandardCharsets.UTF_8) : "(no " + file + ")\n";
        assertEquals(expected, actual, "parse/" + file);
    }
}
