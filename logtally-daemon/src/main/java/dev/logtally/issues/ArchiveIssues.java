package dev.logtally.issues;

import dev.logtally.archive.ErrorGroup;
import dev.logtally.archive.Errors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The issues of {@code logtally errors PATH... --serve}: the groups of one {@link Errors} run over archives,
 * read-only (a status lives in a tailer's checkpoint, which archives have none of), every one
 * {@link Status#UNRESOLVED}, without counts over time.
 *
 * <pre>{@code
 * IssueSource source = ArchiveIssues.of(new Errors(options, 2, Errors.NO_LIMIT, Errors.NO_LIMIT).run(files, Progress.NONE));
 * }</pre>
 */
public final class ArchiveIssues implements IssueSource {
    private final Map<String, Issue> byFingerprint;
    private final List<Issue> all;

    private ArchiveIssues(Map<String, Issue> byFingerprint) {
        this.byFingerprint = byFingerprint;
        this.all = List.copyOf(byFingerprint.values());
    }

    public static ArchiveIssues of(Errors.Result result) {
        Map<String, Issue> m = new LinkedHashMap<>();
        for (ErrorGroup g : result.groups()) {
            Issue i = issue(g);
            m.put(i.fingerprint(), i);
        }
        return new ArchiveIssues(m);
    }

    static Issue issue(ErrorGroup g) {
        return new Issue(fingerprint(g.errorType(), g.stackHash()), g.errorType(), g.stackHash(), g.count(),
                g.firstSeen(), g.lastSeen(), g.sampleMessage(), g.sampleCorrelationId(), List.of(), g.services(),
                g.methods(), g.releases(), g.firstRelease(), Status.UNRESOLVED, null, false, false, List.of(),
                Hourly.NONE);
    }

    /**
     * A group's fingerprint: the first 16 hex digits of SHA-256 over the error type, a line feed and the
     * stack hash; short, URL-safe and the same on every run.
     */
    public static String fingerprint(String errorType, String stackHash) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((errorType + "\n" + stackHash).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public List<Issue> issues() {
        return all;
    }

    @Override
    public Optional<Issue> issue(String fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    @Override
    public boolean writable() {
        return false;
    }

    @Override
    public Issue change(String fingerprint, StatusChange change) {
        throw new UnsupportedOperationException("read-only: the issues of archives have no status to change");
    }
}
