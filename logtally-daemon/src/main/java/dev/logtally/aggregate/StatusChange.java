package dev.logtally.aggregate;

import java.util.Objects;

/**
 * An operator's request to change one group's status: what {@code logtally errors resolve|ignore|reopen
 * FINGERPRINT [--in-release V | --in-next-release]} and the issues page's buttons send. Immutable; the
 * same record travels through the request file of a running tailer and through
 * {@link ErrorGroupControl#change}.
 *
 * <pre>{@code
 * StatusChange c = StatusChange.resolve("9c1f2e0a4b7d3c55").inRelease("2.4.1");
 * StatusChange r = StatusChange.reopen("9c1f2e0a4b7d3c55");
 * }</pre>
 *
 * @param fingerprint the group ({@link ErrorGroupView#fingerprint()})
 * @param action      what to do
 * @param release     with {@link Action#RESOLVE}: resolved in this release, or null
 * @param nextRelease with {@link Action#RESOLVE}: resolved in the next release (exclusive with {@code release})
 */
public record StatusChange(String fingerprint, Action action, String release, boolean nextRelease) {

    /** The three commands. */
    public enum Action {
        RESOLVE, IGNORE, REOPEN;

        /** The command-line word: {@code resolve}, {@code ignore}, {@code reopen}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The action for a command-line word, or null. */
        public static Action ofWord(String word) {
            for (Action a : values()) {
                if (a.word().equals(word)) {
                    return a;
                }
            }
            return null;
        }
    }

    public StatusChange {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(action, "action");
        if (!Fingerprint.isValid(fingerprint)) {
            throw new IllegalArgumentException("'" + fingerprint + "' is not a fingerprint (1-64 of A-Z a-z 0-9 . _ : -)");
        }
        if (action != Action.RESOLVE && (release != null || nextRelease)) {
            throw new IllegalArgumentException("only resolve takes a release");
        }
        if (release != null && nextRelease) {
            throw new IllegalArgumentException("resolve either in a release or in the next release, not both");
        }
        if (release != null && (release.isBlank() || release.length() > 128)) {
            throw new IllegalArgumentException("a release is 1 to 128 characters");
        }
    }

    public static StatusChange resolve(String fingerprint) {
        return new StatusChange(fingerprint, Action.RESOLVE, null, false);
    }

    public static StatusChange ignore(String fingerprint) {
        return new StatusChange(fingerprint, Action.IGNORE, null, false);
    }

    public static StatusChange reopen(String fingerprint) {
        return new StatusChange(fingerprint, Action.REOPEN, null, false);
    }

    /** This resolve, in {@code v}. */
    public StatusChange inRelease(String v) {
        return new StatusChange(fingerprint, action, v, false);
    }

    /** This resolve, in the next release. */
    public StatusChange inNextRelease() {
        return new StatusChange(fingerprint, action, null, true);
    }
}
