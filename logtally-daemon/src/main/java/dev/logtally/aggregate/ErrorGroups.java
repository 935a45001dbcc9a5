package dev.logtally.aggregate;

import dev.logtally.parse.Event;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The grouping rule of error events into Sentry-style groups, the one implementation behind the tailer's
 * groups and {@code logtally errors}. An event belongs here when its level is an error level
 * ({@link ErrorLevel}); its group is its {@link Fingerprint} (the {@code fingerprint} field, else error type
 * and stack hash). Per group it keeps what {@link ErrorGroupView} shows ({@link GroupTally}).
 *
 * <p>In the tailer ({@link #live}): at most {@code errors.max.groups} groups (past it the least recently
 * seen one is dropped and counted), a status per group ({@link #change}), and the alert transitions:
 * a group's first event records {@link AlertTransition.Kind#NEW}; an event of a resolved group in a
 * release at or after the one it was resolved in ({@link ReleaseOrder}) records
 * {@link AlertTransition.Kind#REGRESSED} and reopens it. Everything is part of the checkpoint
 * ({@link #state}, {@link #restore}). Over archives ({@link #archive}): unbounded, no transitions; one
 * instance per file, {@link #merge}d in file order.
 *
 * <p>Not thread-safe: one thread adds, changes and snapshots. Looking up the group of an event computes a
 * 64-bit hash over the fingerprint's characters: no string is built for an existing group.
 *
 * <pre>{@code
 * ErrorGroups groups = ErrorGroups.live(options.errorLevels(), ErrorGroupOptions.defaults(), clock);
 * if (groups.isError(e)) groups.add(e, e.method(), 0, offset);
 * ErrorGroupsView v = groups.index();
 * }</pre>
 */
public final class ErrorGroups {
    private final ErrorLevel levels;
    private final int maxGroups;
    private final boolean live;
    private final boolean alerting;
    private final long quietMillis;
    private final Clock clock;
    private final Escalation escalation;
    private final GroupTable table = new GroupTable();
    /** The event and group of the last {@link #wantsStack} (the tailer asks, then adds the same event). */
    private Event askedEvent;
    private GroupTally askedGroup;
    private final List<AlertTransition> transitions = new ArrayList<>();
    private final Map<String, Long> alertsSent = new TreeMap<>();
    private final Map<String, Long> alertsFailed = new TreeMap<>();
    private long dropped;
    private long nextTransitionId = 1;
    private long sequence;
    private long newestEventMillis = Event.NO_TIME;
    /** Changes with every change of what {@link #views()} shows. */
    private long version;

    private ErrorGroups(List<String> levels, int maxGroups, boolean live, boolean alerting, long quietMillis, Clock clock,
                        Escalation escalation) {
        this.escalation = escalation;
        this.levels = new ErrorLevel(levels);
        this.maxGroups = maxGroups;
        this.live = live;
        this.alerting = alerting;
        this.quietMillis = quietMillis;
        this.clock = clock;
    }

    /** The tailer's groups: bounded, with status and alert transitions. */
    public static ErrorGroups live(List<String> errorLevels, ErrorGroupOptions options, Clock clock) {
        return live(errorLevels, options, clock, true);
    }

    /**
     * The tailer's groups; with {@code alerting} false (no {@code alertmanager.url}) no transition is recorded.
     * At most {@code errors.max.groups} transitions wait at once; past that a transition is not recorded and
     * counted in {@code logtally_alerts_failed_total}.
     */
    public static ErrorGroups live(List<String> errorLevels, ErrorGroupOptions options, Clock clock, boolean alerting) {
        return new ErrorGroups(errorLevels, options.maxGroups(), true, alerting, options.quiet().toMillis(), clock,
                Escalation.of(options));
    }

    /** One archive file's groups: unbounded, no transitions. */
    public static ErrorGroups archive(List<String> errorLevels) {
        return new ErrorGroups(errorLevels, Integer.MAX_VALUE, false, false, 1, Clock.systemUTC(), Escalation.OFF);
    }

    /**
     * True when the group of error event {@code e} (read without its stack trace) has no stack trace yet: only
     * then does the tailer read the line's stack trace. No allocation.
     */
    public boolean wantsStack(Event e) {
        GroupTally g = table.get(keyOf(e));
        askedEvent = e; // add(e) next, as a rule: it takes the key from here
        askedGroup = g;
        return g == null || g.sampleStack == null;
    }

    /** The group key of error event {@code e}: its fingerprint field's hash, else that of its type and stack hash. */
    private long keyOf(Event e) {
        if (e.fingerprint() != null) {
            return Fingerprint.hashField(e.fingerprint());
        }
        return Fingerprint.hash(e.errorType() == null ? ErrorCounter.UNKNOWN_TYPE : e.errorType(), e.stackHash());
    }

    /** True when {@code e} is an error event (its level is one of {@code error.levels}). */
    public boolean isError(Event e) {
        return levels.test(e.level());
    }

    /**
     * Counts error event {@code e} (the caller checked {@link #isError}) into its group. The group's stack
     * trace is the one of its earliest event that has one.
     *
     * @param method the method the event is put down to, or null
     * @param file   reading order of the file (0 in the tailer)
     * @param offset reading order within the file
     */
    public void add(Event e, String method, int file, long offset) {
        String type = e.errorType() == null ? ErrorCounter.UNKNOWN_TYPE : e.errorType();
        String fpField = e.fingerprint();
        GroupTally g;
        long key;
        if (e == askedEvent && askedGroup != null) { // looked up by wantsStack just before: nothing changed since
            g = askedGroup;
            key = g.key;
        } else {
            key = keyOf(e);
            g = table.get(key);
        }
        askedEvent = null;
        askedGroup = null;
        boolean created = false;
        if (g == null) {
            String fp = fpField != null ? Fingerprint.ofField(fpField) : Fingerprint.of(type, e.stackHash());
            g = new GroupTally(fp, key, type, e.stackHash() == null ? "" : e.stackHash());
            if (table.size() >= maxGroups) {
                evictLeastRecent();
            }
            table.put(key, g);
            created = true;
        }
        g.add(e, method, file, offset);
        g.touched = ++sequence;
        version++;
        long t = e.timestampMillis();
        if (t != Event.NO_TIME && t > newestEventMillis) {
            newestEventMillis = t;
        }
        if (live) {
            if (created) {
                record(AlertTransition.Kind.NEW, g, e.release());
            } else if (g.status.state() == GroupStatus.State.RESOLVED && regresses(g.status, e.release())) {
                g.status = GroupStatus.unresolved(clock.millis());
                g.regressed = true;
                record(AlertTransition.Kind.REGRESSED, g, e.release());
            } else if (!transitions.isEmpty()) {
                extend(g.fingerprint);
            }
            if (escalation.seen(g, t != Event.NO_TIME ? t : clock.millis()) && !active(AlertTransition.Kind.ESCALATING, g.fingerprint)) {
                record(AlertTransition.Kind.ESCALATING, g, e.release());
            }
        }
    }

    /** The regression rule: does an event of {@code release} (null: none) regress a group resolved as {@code s}? */
    static boolean regresses(GroupStatus s, String release) {
        if (s.inRelease() != null) {
            return release != null && ReleaseOrder.compare(release, s.inRelease()) >= 0;
        }
        if (s.afterRelease() != null) {
            return release != null && ReleaseOrder.compare(release, s.afterRelease()) > 0;
        }
        return true;
    }

    private void record(AlertTransition.Kind kind, GroupTally g, String release) {
        if (!alerting) {
            return;
        }
        if (transitions.size() >= maxGroups) {
            alertsFailed.merge(kind.alertName(), 1L, Long::sum);
            return;
        }
        long now = clock.millis();
        transitions.add(new AlertTransition(nextTransitionId++, kind, g.fingerprint, now, release, false, now + quietMillis));
    }

    /** True while a transition of {@code kind} of the group is kept (until its alert is resolved and finished). */
    private boolean active(AlertTransition.Kind kind, String fingerprint) {
        for (AlertTransition t : transitions) {
            if (t.kind() == kind && t.fingerprint().equals(fingerprint)) {
                return true;
            }
        }
        return false;
    }

    /** A further event of a group keeps its active alerts active for another quiet period. */
    private void extend(String fingerprint) {
        for (int i = 0; i < transitions.size(); i++) {
            AlertTransition t = transitions.get(i);
            if (t.fingerprint().equals(fingerprint)) {
                long until = clock.millis() + quietMillis;
                if (until - t.endsAtMillis() >= 1000) {
                    transitions.set(i, t.endsAt(until));
                }
            }
        }
    }

    private void evictLeastRecent() {
        GroupTally oldest = table.leastTouched();
        table.remove(oldest.key);
        dropped++;
    }

    /** Merges the groups of the next file (archive mode): as if its events had been added here. */
    public void merge(ErrorGroups o) {
        for (GroupTally g : o.table.values()) {
            GroupTally mine = table.get(g.key);
            if (mine == null) {
                table.put(g.key, g);
            } else {
                mine.merge(g);
            }
        }
        if (o.newestEventMillis != Event.NO_TIME && o.newestEventMillis > newestEventMillis) {
            newestEventMillis = o.newestEventMillis;
        }
        dropped += o.dropped;
    }

    /**
     * Applies an operator's status change now (the caller then checkpoints before acknowledging it).
     * Resolving "in the next release" takes the newest release the group was seen in so far.
     */
    public StatusOutcome change(StatusChange c) {
        GroupTally g = find(c.fingerprint());
        if (g == null) {
            return StatusOutcome.unknown(c.fingerprint());
        }
        long now = clock.millis();
        g.status = switch (c.action()) {
            case IGNORE -> GroupStatus.ignored(now);
            case REOPEN -> GroupStatus.unresolved(now);
            case RESOLVE -> c.release() != null ? GroupStatus.resolvedIn(c.release(), now)
                    : c.nextRelease() ? GroupStatus.resolvedAfter(g.newestRelease(), now) : GroupStatus.resolved(now);
        };
        if (c.action() != StatusChange.Action.REOPEN) {
            g.regressed = false;
        }
        version++;
        return StatusOutcome.applied(g.fingerprint, g.status);
    }

    private GroupTally find(String fingerprint) {
        for (GroupTally g : table.values()) {
            if (g.fingerprint.equals(fingerprint)) {
                return g;
            }
        }
        return null;
    }

    /** The transitions whose alerts are not finished, oldest first. */
    public List<AlertTransition> transitions() {
        return List.copyOf(transitions);
    }

    /** Alertmanager accepted transition {@code id}: recorded, so that it is never sent as new again. */
    public void delivered(long id, String alertName) {
        for (int i = 0; i < transitions.size(); i++) {
            AlertTransition t = transitions.get(i);
            if (t.id() == id && !t.delivered()) {
                transitions.set(i, t.delivered(true));
                alertsSent.merge(alertName, 1L, Long::sum);
            }
        }
    }

    /** A delivery of {@code alertName} failed (it is retried). */
    public void failed(String alertName) {
        alertsFailed.merge(alertName, 1L, Long::sum);
    }

    /** The resolved alert of transition {@code id} was sent: forget it. */
    public void finished(long id) {
        transitions.removeIf(t -> t.id() == id);
    }

    /** A number that changes whenever the groups change (to rebuild views only then). */
    public long version() {
        return version;
    }

    /** Groups held. */
    public int size() {
        return table.size();
    }

    public long dropped() {
        return dropped;
    }

    /** Immutable views of every group, sharing one hourly end (the hour of the newest event). */
    public List<ErrorGroupView> views() {
        long endHour = newestEventMillis == Event.NO_TIME ? Math.floorDiv(clock.millis(), HourlyCounts.HOUR_MILLIS)
                : Math.floorDiv(newestEventMillis, HourlyCounts.HOUR_MILLIS);
        List<ErrorGroupView> out = new ArrayList<>(table.size());
        for (GroupTally g : table.values()) {
            out.add(g.view(endHour, newestEventMillis));
        }
        return out;
    }

    /** {@link #views()} as an immutable, searchable index. */
    public ErrorGroupIndex index() {
        return ErrorGroupIndex.of(views(), dropped);
    }

    /** The self-metrics of the groups: {@code logtally_error_groups{status}}, drops, alerts sent and failed. */
    public List<MetricFamily> selfFamilies() {
        Map<String, Long> byStatus = new TreeMap<>();
        for (GroupStatus.State s : GroupStatus.State.values()) {
            byStatus.put(s.label(), 0L);
        }
        for (GroupTally g : table.values()) {
            byStatus.merge(g.status.state().label(), 1L, Long::sum);
        }
        List<Series> statusSeries = new ArrayList<>();
        byStatus.forEach((k, v) -> statusSeries.add(new Series(List.of(k), v, null, 0, Series.NO_TIME)));
        List<MetricFamily> out = new ArrayList<>();
        out.add(new MetricFamily(GROUPS, MetricType.GAUGE, "Error groups held, by status.", List.of("status"), null,
                statusSeries));
        out.add(new MetricFamily(GROUPS_DROPPED, MetricType.COUNTER,
                "Error groups dropped (least recently seen) to stay within errors.max.groups.", List.of(), null,
                List.of(Series.counter(List.of(), dropped))));
        out.add(alertFamily(ALERTS_SENT, "Alerts Alertmanager accepted, by alertname.", alertsSent));
        out.add(alertFamily(ALERTS_FAILED, "Alert deliveries that failed (retried), by alertname.", alertsFailed));
        return out;
    }

    public static final String GROUPS = "logtally_error_groups";
    public static final String GROUPS_DROPPED = "logtally_error_groups_dropped_total";
    public static final String ALERTS_SENT = "logtally_alerts_sent_total";
    public static final String ALERTS_FAILED = "logtally_alerts_failed_total";

    private static MetricFamily alertFamily(String name, String help, Map<String, Long> counts) {
        List<Series> series = new ArrayList<>();
        for (AlertTransition.Kind k : AlertTransition.Kind.values()) {
            series.add(Series.counter(List.of(k.alertName()), counts.getOrDefault(k.alertName(), 0L)));
        }
        series.sort(Snapshots.BY_LABELS);
        return new MetricFamily(name, MetricType.COUNTER, help, List.of("alertname"), null, series);
    }

    /** Everything, for the checkpoint. */
    public ErrorGroupsState state() {
        List<ErrorGroupsState.Group> groups = new ArrayList<>(table.size());
        for (GroupTally g : table.values()) {
            List<Long> hours = new ArrayList<>();
            if (g.newestHour >= 0) {
                for (long h = g.newestHour - HourlyCounts.HOURS + 1; h <= g.newestHour; h++) {
                    int n = g.hours[(int) Math.floorMod(h, (long) HourlyCounts.HOURS)];
                    if (h >= 0 && n != 0) {
                        hours.add(h);
                        hours.add((long) n);
                    }
                }
            }
            // Only the head of the sample's stack is ever shown: only it is kept, so a checkpoint stays small.
            String stackHead = g.sampleStack == null ? null : String.join("\n", GroupTally.stackHead(g.sampleStack));
            groups.add(new ErrorGroupsState.Group(g.fingerprint, g.key, g.errorType, g.stackHash, g.count, g.first.time(),
                    g.last.time(), g.firstRelease, g.sampleMessage, stackHead, g.sampleCorrelationId, g.services,
                    g.methods, g.releases, g.newestHour, hours, g.status, g.regressed, g.touched, escalation.state(g)));
        }
        return new ErrorGroupsState(groups, dropped, nextTransitionId, sequence, transitions, alertsSent, alertsFailed);
    }

    /** Resumes from a checkpoint's state, into this fresh instance. */
    public void restore(ErrorGroupsState s) {
        if (table.size() != 0) {
            throw new IllegalStateException("restore() needs fresh groups");
        }
        for (ErrorGroupsState.Group r : s.groups()) {
            long key = r.key();
            GroupTally g = new GroupTally(r.fingerprint(), key, r.errorType(), r.stackHash());
            g.count = r.count();
            g.first.restore(r.firstSeen());
            g.last.restore(r.lastSeen());
            if (r.firstRelease() != null) {
                g.firstWithRelease.restore(r.firstSeen());
            }
            g.firstRelease = r.firstRelease();
            g.sampleMessage = r.sampleMessage();
            g.sampleStack = r.sampleStack();
            g.sampleCorrelationId = r.sampleCorrelationId();
            if (r.sampleCorrelationId() != null) {
                g.lastWithCorrelation.restore(r.lastSeen());
                g.recentSamples.restore(List.of(r.sampleCorrelationId()), r.lastSeen());
            }
            if (r.sampleStack() != null) {
                g.firstWithStack.restore(r.firstSeen());
            }
            g.services.addAll(r.services());
            g.methods.addAll(r.methods());
            g.releases.addAll(r.releases());
            for (int i = 0; i + 1 < r.hours().size(); i += 2) {
                g.countHour(r.hours().get(i), (int) (long) r.hours().get(i + 1));
            }
            if (r.hourEnd() > g.newestHour) {
                g.countHour(r.hourEnd(), 0);
            }
            g.status = r.status();
            g.regressed = r.regressed();
            g.touched = r.touched();
            escalation.restore(g, r.recent());
            table.put(key, g);
            if (r.lastSeen() != Event.NO_TIME && r.lastSeen() > newestEventMillis) {
                newestEventMillis = r.lastSeen();
            }
        }
        dropped = s.dropped();
        nextTransitionId = s.nextTransitionId();
        sequence = s.sequence();
        transitions.addAll(s.transitions());
        alertsSent.putAll(s.alertsSent());
        alertsFailed.putAll(s.alertsFailed());
    }

    /** Groups by 64-bit key: open addressing with backward-shift deletion, no boxing on lookup. */
    private static final class GroupTable {
        private long[] keys = new long[64];
        private GroupTally[] vals = new GroupTally[64];
        private int size;

        GroupTally get(long key) {
            int mask = keys.length - 1;
            for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                GroupTally v = vals[i];
                if (v == null) {
                    return null;
                }
                if (keys[i] == key) {
                    return v;
                }
            }
        }

        void put(long key, GroupTally g) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            insert(key, g);
            size++;
        }

        private void insert(long key, GroupTally g) {
            int mask = keys.length - 1;
            int i = mix(key) & mask;
            while (vals[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            vals[i] = g;
        }

        void remove(long key) {
            int mask = keys.length - 1;
            int i = mix(key) & mask;
            while (vals[i] != null && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (vals[i] == null) {
                return;
            }
            vals[i] = null;
            size--;
            for (int j = (i + 1) & mask; vals[j] != null; j = (j + 1) & mask) {
                long k = keys[j];
                GroupTally v = vals[j];
                vals[j] = null;
                insert(k, v);
            }
        }

        private void grow() {
            long[] ok = keys;
            GroupTally[] ov = vals;
            keys = new long[ok.length * 2];
            vals = new GroupTally[ov.length * 2];
            for (int i = 0; i < ov.length; i++) {
                if (ov[i] != null) {
                    insert(ok[i], ov[i]);
                }
            }
        }

        int size() {
            return size;
        }

        GroupTally leastTouched() {
            GroupTally min = null;
            for (GroupTally g : vals) {
                if (g != null && (min == null || g.touched < min.touched)) {
                    min = g;
                }
            }
            return min;
        }

        List<GroupTally> values() {
            List<GroupTally> out = new ArrayList<>(size);
            for (GroupTally g : vals) {
                if (g != null) {
                    out.add(g);
                }
            }
            return out;
        }

        private static int mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }

    /** For tests: the fingerprint → view map. */
    Map<String, ErrorGroupView> byFingerprint() {
        Map<String, ErrorGroupView> m = new HashMap<>();
        views().forEach(v -> m.put(v.fingerprint(), v));
        return m;
    }
}
