package dev.logtally.aggregate;

/**
 * The fingerprint that keys an error group: the rule, in one place, for the tailer and {@code logtally errors}.
 *
 * <ul>
 *   <li>An event carrying a fingerprint field ({@code fields.fingerprint}, default {@code fingerprint},
 *       Sentry's convention) is grouped by it: taken as it is when it is 1 to 64 characters of
 *       {@code A-Z a-z 0-9 . _ : -}, else replaced by {@code f} + 15 hex digits of its hash.</li>
 *   <li>Otherwise the group is its error type and stack hash, as {@code errors} keyed groups before:
 *       16 lower-case hex digits of a 64-bit FNV-1a hash of {@code error_type}, a NUL, and
 *       {@code stack_hash} (empty when absent). Fixed length, URL- and shell-safe.</li>
 * </ul>
 * The hash is computed over the characters without building a string, so that looking up an existing
 * group allocates nothing ({@link #hash}).
 *
 * <pre>{@code
 * String fp = Fingerprint.of("connection_timeout", "3dde25fd");   // "…16 hex digits…"
 * Fingerprint.isValid(fp);                                         // true
 * }</pre>
 */
public final class Fingerprint {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final int MAX = 64;

    private Fingerprint() {
    }

    /** The fingerprint of an event without a fingerprint field. */
    public static String of(String errorType, String stackHash) {
        return hex(hash(errorType, stackHash), '\0');
    }

    /** The fingerprint of an event whose fingerprint field holds {@code field}. */
    public static String ofField(String field) {
        return isValid(field) ? field : hex(hashField(field), 'f');
    }

    /** The 64-bit hash behind {@link #of}: no allocation. */
    public static long hash(String errorType, String stackHash) {
        long h = OFFSET;
        h = mix(h, errorType);
        h = (h ^ 0) * PRIME;
        return stackHash == null ? h : mix(h, stackHash);
    }

    /** The 64-bit hash of a fingerprint field, distinct from every {@link #hash(String, String)} in practice. */
    public static long hashField(String field) {
        return mix((OFFSET ^ 1) * PRIME, field);
    }

    private static long mix(long h, String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            h = (h ^ (c & 0xff)) * PRIME;
            h = (h ^ (c >>> 8)) * PRIME;
        }
        return h;
    }

    /** True for 1 to 64 characters of {@code A-Z a-z 0-9 . _ : -}: safe in a URL path, a file name, a shell. */
    public static boolean isValid(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String hex(long h, char prefix) {
        String s = String.format("%016x", h);
        return prefix == '\0' ? s : prefix + s.substring(1);
    }
}
