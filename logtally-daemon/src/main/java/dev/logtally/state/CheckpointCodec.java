package dev.logtally.state;

import dev.logtally.aggregate.AlertTransition;
import dev.logtally.aggregate.ErrorGroupsState;
import dev.logtally.aggregate.GroupStatus;
import dev.logtally.aggregate.MetricFamily;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.aggregate.MetricType;
import dev.logtally.aggregate.Series;
import dev.logtally.source.FilePosition;
import dev.logtally.state.CheckpointJson.Body;
import dev.logtally.state.CheckpointJson.Family;
import dev.logtally.state.CheckpointJson.Header;
import dev.logtally.state.CheckpointJson.Position;
import dev.logtally.state.CheckpointJson.SeriesJson;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a {@link Checkpoint} into the bytes of a checkpoint file and back. The file is two parts:
 *
 * <pre>
 * {"format":"logtally-checkpoint","version":1,"bodyBytes":1234,"sha256":"9f86d0…"}
 * {
 *   "savedAtMillis": 1764000000000,
 *   …
 * }
 * </pre>
 *
 * <p>The first line says what the file is and carries the length and SHA-256 of the JSON body after it, so
 * a truncated, damaged or hand-edited file is recognised and reported instead of silently read or reset.
 * The body is indented JSON with {@code \n} line ends; doubles are written in their shortest exact form
 * (Jackson's Schubfach writer, the same on every JDK) and read back to the same bits. Non-finite numbers are
 * never written: a checkpoint holding one is a bug and is refused.
 */
final class CheckpointCodec {
    private static final int MAX_HEADER = 1024;
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
    private static final ObjectWriter BODY_WRITER = MAPPER.writer().with(new DefaultPrettyPrinter(
                    Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private CheckpointCodec() {
    }

    /** The file's bytes, always in the current format ({@link Checkpoint#FORMAT_VERSION}). */
    static byte[] encode(Checkpoint cp) {
        byte[] json = BODY_WRITER.writeValueAsBytes(toJson(cp));
        byte[] body = Arrays.copyOf(json, json.length + 1);
        body[json.length] = '\n';
        byte[] header = MAPPER.writeValueAsBytes(new Header(CheckpointJson.FORMAT, Checkpoint.FORMAT_VERSION,
                (long) body.length, sha256(body)));
        byte[] out = Arrays.copyOf(header, header.length + 1 + body.length);
        out[header.length] = '\n';
        System.arraycopy(body, 0, out, header.length + 1, body.length);
        return out;
    }

    /** Reads a checkpoint file's bytes; {@code file} is named in every error. */
    static Checkpoint decode(byte[] bytes, Path file) {
        if (bytes.length == 0) {
            throw corrupt(file, "the file is empty");
        }
        int nl = -1;
        for (int i = 0; i < Math.min(bytes.length, MAX_HEADER); i++) {
            if (bytes[i] == '\n') {
                nl = i;
                break;
            }
        }
        Header h = nl < 0 ? null : readHeader(bytes, nl);
        if (h == null || !CheckpointJson.FORMAT.equals(h.format())) {
            throw new StateException("state file " + file + " is not a logtally checkpoint (it does not start"
                    + " with a logtally-checkpoint header); point --state-dir at logtally's own directory,"
                    + " or move the file away to start over, which resets all counters");
        }
        if (h.version() == null || h.version() < 1 || h.bodyBytes() == null || h.bodyBytes() < 0 || h.sha256() == null) {
            throw corrupt(file, "its header is incomplete");
        }
        if (h.version() > Checkpoint.FORMAT_VERSION) {
            throw new StateException("state file " + file + " was written by a newer logtally (format "
                    + h.version() + "; this one reads up to " + Checkpoint.FORMAT_VERSION
                    + "); run that version, or move the file away to start over, which resets all counters");
        }
        long have = bytes.length - (nl + 1L);
        if (have < h.bodyBytes()) {
            throw corrupt(file, "truncated: " + have + " of " + h.bodyBytes() + " bytes");
        }
        if (have > h.bodyBytes()) {
            throw corrupt(file, (have - h.bodyBytes()) + " unexpected bytes at the end");
        }
        byte[] body = Arrays.copyOfRange(bytes, nl + 1, bytes.length);
        if (!sha256(body).equals(h.sha256())) {
            throw corrupt(file, "checksum mismatch: it was damaged or edited after logtally wrote it");
        }
        try {
            return fromJson(MAPPER.readValue(body, Body.class), h.version());
        } catch (JacksonException | IllegalArgumentException e) {
            throw corrupt(file, "invalid content: " + oneLine(e));
        }
    }

    private static Header readHeader(byte[] bytes, int nl) {
        try {
            return MAPPER.readValue(bytes, 0, nl, Header.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static StateException corrupt(Path file, String why) {
        return new StateException("state file " + file + " is corrupt (" + why
                + "); move it away to start over, which resets all counters");
    }

    private static String oneLine(Exception e) {
        String m = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replaceAll("\\s+", " ").trim();
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }

    // ---- model → JSON ----

    private static Body toJson(Checkpoint cp) {
        List<Position> positions = new ArrayList<>(cp.positions().size());
        for (FilePosition p : cp.positions()) {
            positions.add(new Position(p.stream(), p.path(), p.fileKey(), p.offset(), p.headLength(), p.headHash(),
                    p.size() < 0 ? null : p.size()));
        }
        List<Family> families = new ArrayList<>(cp.metrics().families().size());
        for (MetricFamily f : cp.metrics().families()) {
            List<SeriesJson> series = new ArrayList<>(f.series().size());
            for (Series s : f.series()) {
                if (f.type() == MetricType.HISTOGRAM) {
                    series.add(new SeriesJson(s.labelValues(), null, s.bucketCounts(), s.sumNanos(), null));
                } else {
                    requireFinite(s.value(), f);
                    series.add(new SeriesJson(s.labelValues(), s.value(), null, null,
                            s.timeMillis() == Series.NO_TIME ? null : s.timeMillis()));
                }
            }
            double[] bounds = f.bucketBounds();
            if (bounds != null) {
                for (double b : bounds) {
                    requireFinite(b, f);
                }
            }
            families.add(new Family(f.name(), f.type().text(), f.help(), f.labelNames(), bounds, series));
        }
        return new Body(cp.savedAtMillis(), cp.namespace(), positions, families, groupsJson(cp.groups()));
    }

    private static CheckpointJson.Groups groupsJson(ErrorGroupsState s) {
        List<CheckpointJson.Group> groups = new ArrayList<>(s.groups().size());
        for (ErrorGroupsState.Group g : s.groups()) {
            GroupStatus st = g.status();
            groups.add(new CheckpointJson.Group(g.fingerprint(), g.key(), g.errorType(), g.stackHash(), g.count(),
                    g.firstSeen(), g.lastSeen(), g.firstRelease(), g.sampleMessage(), g.sampleStack(),
                    g.sampleCorrelationId(), g.services(), g.methods(), g.releases(), g.hourEnd(), g.hours(),
                    st.state().label(), st.inRelease(), st.afterRelease(), st.changedAtMillis(), g.regressed(),
                    g.touched(), g.recent()));
        }
        List<CheckpointJson.Transition> transitions = new ArrayList<>();
        for (AlertTransition t : s.transitions()) {
            transitions.add(new CheckpointJson.Transition(t.id(), t.kind().alertName(), t.fingerprint(),
                    t.startsAtMillis(), t.endsAtMillis(), t.release(), t.delivered()));
        }
        return new CheckpointJson.Groups(s.dropped(), s.nextTransitionId(), s.sequence(), groups, transitions,
                new java.util.TreeMap<>(s.alertsSent()), new java.util.TreeMap<>(s.alertsFailed()));
    }

    /** The optional escalation ring of a group: null when absent, else times without a gap. */
    private static List<Long> recent(List<Long> recent, String where) {
        if (recent != null && recent.contains(null)) {
            throw new IllegalArgumentException("the recent times of " + where + " hold a null");
        }
        return recent;
    }

    private static ErrorGroupsState groups(CheckpointJson.Groups j) {
        if (j == null) {
            return ErrorGroupsState.EMPTY;
        }
        List<ErrorGroupsState.Group> groups = new ArrayList<>();
        for (CheckpointJson.Group g : need(j.groups(), "errorGroups.groups")) {
            String fp = need(g.fingerprint(), "fingerprint of a group");
            String where = "group " + fp;
            GroupStatus.State state = switch (need(g.status(), "status of " + where)) {
                case "unresolved" -> GroupStatus.State.UNRESOLVED;
                case "resolved" -> GroupStatus.State.RESOLVED;
                case "ignored" -> GroupStatus.State.IGNORED;
                default -> throw new IllegalArgumentException("unknown status " + g.status() + " of " + where);
            };
            List<Long> hours = need(g.hours(), "hours of " + where);
            if (hours.size() % 2 != 0 || hours.contains(null)) {
                throw new IllegalArgumentException("the hours of " + where + " are not hour, count pairs");
            }
            groups.add(new ErrorGroupsState.Group(fp, need(g.key(), "key of " + where),
                    need(g.errorType(), "errorType of " + where), need(g.stackHash(), "stackHash of " + where),
                    need(g.count(), "count of " + where), need(g.firstSeen(), "firstSeen of " + where),
                    need(g.lastSeen(), "lastSeen of " + where), g.firstRelease(), g.sampleMessage(), g.sampleStack(),
                    g.sampleCorrelationId(), need(g.services(), "services of " + where),
                    need(g.methods(), "methods of " + where), need(g.releases(), "releases of " + where),
                    need(g.hourEnd(), "hourEnd of " + where), hours,
                    new GroupStatus(state, g.inRelease(), g.afterRelease(), need(g.statusChangedAt(), "statusChangedAt of " + where)),
                    need(g.regressed(), "regressed of " + where), need(g.touched(), "touched of " + where),
                    recent(g.recent(), where)));
        }
        List<AlertTransition> transitions = new ArrayList<>();
        for (CheckpointJson.Transition t : need(j.transitions(), "errorGroups.transitions")) {
            transitions.add(new AlertTransition(need(t.id(), "id of a transition"),
                    AlertTransition.Kind.ofAlertName(need(t.alertname(), "alertname of a transition")),
                    need(t.fingerprint(), "fingerprint of a transition"), need(t.startsAt(), "startsAt of a transition"),
                    t.release(), need(t.delivered(), "delivered of a transition"), need(t.endsAt(), "endsAt of a transition")));
        }
        return new ErrorGroupsState(groups, need(j.dropped(), "errorGroups.dropped"),
                need(j.nextTransitionId(), "errorGroups.nextTransitionId"), need(j.sequence(), "errorGroups.sequence"),
                transitions, need(j.alertsSent(), "errorGroups.alertsSent"),
                need(j.alertsFailed(), "errorGroups.alertsFailed"));
    }

    private static void requireFinite(double v, MetricFamily f) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("a checkpoint never holds " + v + ", but " + f.name() + " does");
        }
    }

    // ---- JSON → model; IllegalArgumentException names what is missing or wrong ----

    private static Checkpoint fromJson(Body b, int version) {
        long savedAt = need(b.savedAtMillis(), "savedAtMillis");
        List<FilePosition> positions = new ArrayList<>();
        for (Position p : need(b.positions(), "positions")) {
            long offset = need(p.offset(), "offset");
            int headLength = need(p.headLength(), "headLength");
            if (offset < 0 || headLength < 0) {
                throw new IllegalArgumentException("negative offset or headLength for " + p.path());
            }
            long size = p.size() == null || p.size() < 0 ? FilePosition.UNKNOWN_SIZE : p.size();
            positions.add(new FilePosition(need(p.stream(), "stream"), need(p.path(), "path"), p.fileKey(),
                    offset, headLength, p.headHash(), size));
        }
        List<MetricFamily> families = new ArrayList<>();
        for (Family f : need(b.metrics(), "metrics")) {
            families.add(family(f));
        }
        return new Checkpoint(version, savedAt, need(b.namespace(), "namespace"), positions,
                new MetricSnapshot(families), groups(b.errorGroups()));
    }

    private static MetricFamily family(Family f) {
        String name = need(f.name(), "name");
        MetricType type = type(need(f.type(), "type of " + name), name);
        List<String> labelNames = need(f.labelNames(), "labelNames of " + name);
        double[] bounds = type == MetricType.HISTOGRAM ? need(f.buckets(), "buckets of " + name) : null;
        if (bounds != null) {
            for (double v : bounds) {
                finite(v, name);
            }
        }
        List<Series> series = new ArrayList<>();
        for (SeriesJson s : need(f.series(), "series of " + name)) {
            List<String> labels = need(s.labels(), "labels of a series of " + name);
            if (labels.size() != labelNames.size() || labels.contains(null)) {
                throw new IllegalArgumentException("series " + labels + " of " + name + " does not match " + labelNames);
            }
            if (type == MetricType.HISTOGRAM) {
                long[] counts = need(s.buckets(), "buckets of " + name + labels);
                if (counts.length != bounds.length + 1) {
                    throw new IllegalArgumentException(name + labels + " has " + counts.length + " buckets, not "
                            + (bounds.length + 1));
                }
                series.add(Series.histogram(labels, counts, need(s.sumNanos(), "sumNanos of " + name + labels)));
            } else {
                series.add(new Series(labels, finite(need(s.value(), "value of " + name + labels), name), null, 0,
                        s.timeMillis() == null ? Series.NO_TIME : s.timeMillis()));
            }
        }
        return new MetricFamily(name, type, f.help(), labelNames, bounds, series);
    }

    /** The type written as {@link MetricType#text()}: one list of names for writing and reading. */
    private static MetricType type(String text, String name) {
        for (MetricType t : MetricType.values()) {
            if (t.text().equals(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown type " + text + " of " + name);
    }

    private static double finite(double v, String name) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " holds " + v);
        }
        return v;
    }

    private static <T> T need(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return value;
    }
}
