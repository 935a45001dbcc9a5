package dev.logtally.issues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Issues made up for tests, and an in-memory {@link IssueSource} that applies status changes. */
final class Issues {
    private Issues() {
    }

    static Issue issue(String fp, String type, long count, long first, long last, String message, String service,
                       String release) {
        return new Issue(fp, type, "hash-" + fp, count, first, last, message, "cid-" + fp, List.of(),
                List.of(service), List.of("mining.submit"), List.of(release), release, Status.UNRESOLVED, null, false,
                false, List.of("java.lang.IllegalStateException: " + type), Hourly.NONE);
    }

    static Issue withStatus(Issue i, StatusChange c) {
        return new Issue(i.fingerprint(), i.errorType(), i.stackHash(), i.count(), i.firstSeen(), i.lastSeen(),
                i.sampleMessage(), i.sampleCorrelationId(), i.samples(), i.services(), i.methods(), i.releases(),
                i.firstRelease(), c.status(), c.inRelease(), c.inNextRelease(), i.regressed(), i.stackLines(), i.hourly());
    }

    /** Holds issues in memory; {@link #changes} records every change applied. */
    static final class Memory implements IssueSource {
        final Map<String, Issue> issues = new LinkedHashMap<>();
        final List<StatusChange> changes = new ArrayList<>();

        Memory(List<Issue> all) {
            all.forEach(i -> issues.put(i.fingerprint(), i));
        }

        @Override
        public synchronized List<Issue> issues() {
            return List.copyOf(issues.values());
        }

        @Override
        public synchronized Optional<Issue> issue(String fingerprint) {
            return Optional.ofNullable(issues.get(fingerprint));
        }

        @Override
        public boolean writable() {
            return true;
        }

        @Override
        public synchronized Issue change(String fingerprint, StatusChange change) {
            Issue i = issues.get(fingerprint);
            if (i == null) {
                throw new NoSuchElementException(fingerprint);
            }
            changes.add(change);
            Issue changed = withStatus(i, change);
            issues.put(fingerprint, changed);
            return changed;
        }
    }
}
