package dev.logtally.issues;

import dev.logtally.aggregate.ErrorGroupControl;
import dev.logtally.aggregate.ErrorGroupIndex;
import dev.logtally.aggregate.ErrorGroupView;
import dev.logtally.aggregate.ErrorGroupsView;
import dev.logtally.aggregate.GroupStatus;
import dev.logtally.aggregate.HourlyCounts;
import dev.logtally.aggregate.StatusChange;
import dev.logtally.aggregate.StatusOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Error groups made up for tests, and an in-memory store of them that applies status changes. */
final class Issues {
    private Issues() {
    }

    static ErrorGroupView issue(String fp, String type, long count, long first, long last, String message, String service,
                                String release) {
        return new ErrorGroupView(fp, type, "hash-" + fp, count, first, last, message, "cid-" + fp,
                List.of("java.lang.IllegalStateException: " + type), List.of(service), List.of("mining.submit"),
                List.of(release), release, HourlyCounts.empty(0), GroupStatus.UNRESOLVED, false, false,
                List.of("cid-" + fp, "cid-" + fp + "-older"));
    }

    /** Holds groups in memory; {@link #changes} records every change applied. */
    static final class Memory implements ErrorGroupControl {
        final Map<String, ErrorGroupView> groups = new LinkedHashMap<>();
        final List<StatusChange> changes = new ArrayList<>();

        Memory(List<ErrorGroupView> all) {
            all.forEach(i -> groups.put(i.fingerprint(), i));
        }

        synchronized ErrorGroupsView view() {
            return ErrorGroupIndex.of(List.copyOf(groups.values()), 0);
        }

        @Override
        public synchronized CompletableFuture<StatusOutcome> change(StatusChange c) {
            ErrorGroupView i = groups.get(c.fingerprint());
            if (i == null) {
                return CompletableFuture.completedFuture(StatusOutcome.unknown(c.fingerprint()));
            }
            changes.add(c);
            GroupStatus s = switch (c.action()) {
                case RESOLVE -> c.release() != null ? GroupStatus.resolvedIn(c.release(), 1) : GroupStatus.resolved(1);
                case IGNORE -> GroupStatus.ignored(1);
                case REOPEN -> GroupStatus.unresolved(1);
            };
            groups.put(c.fingerprint(), new ErrorGroupView(i.fingerprint(), i.errorType(), i.stackHash(), i.count(),
                    i.firstSeen(), i.lastSeen(), i.sampleMessage(), i.sampleCorrelationId(), i.stackHead(), i.services(),
                    i.methods(), i.releases(), i.firstRelease(), i.hourly(), s, i.isNew(), i.regressed(),
                    i.recentSamples()));
            return CompletableFuture.completedFuture(StatusOutcome.applied(c.fingerprint(), s));
        }
    }
}
