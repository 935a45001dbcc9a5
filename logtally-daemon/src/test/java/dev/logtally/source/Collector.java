package dev.logtally.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A sink for tests: keeps a copy of every line delivered, with where it came from. */
final class Collector implements LineSink {

    /** One delivered line: its bytes decoded as UTF-8 (empty for an oversized one). */
    record Got(String source, long offset, long end, String text, boolean oversized) {
        @Override
        public String toString() {
            return source + "@" + offset + "-" + end + (oversized ? " OVERSIZED" : " '" + text + "'");
        }
    }

    final List<Got> got = new ArrayList<>();

    @Override
    public void accept(Line line) {
        got.add(new Got(line.source(), line.offset(), line.end(),
                new String(line.buf(), line.start(), line.length(), StandardCharsets.UTF_8), line.oversized()));
    }

    /** The texts, in order of delivery. */
    List<String> texts() {
        List<String> out = new ArrayList<>();
        for (Got g : got) {
            out.add(g.text());
        }
        return out;
    }

    /** The texts delivered since {@code from}. */
    List<String> textsFrom(int from) {
        return texts().subList(from, got.size());
    }

    void clear() {
        got.clear();
    }
}
