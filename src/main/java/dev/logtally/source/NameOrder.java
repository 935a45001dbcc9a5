package dev.logtally.source;

import java.util.Comparator;

/**
 * Orders rotated files oldest first by name: runs of digits compare as numbers, so Logback's
 * {@code app.2026-11-24.9.log.gz} comes before {@code app.2026-11-24.10.log.gz}, and logrotate's
 * {@code dateext} names sort by date. logrotate's default numbering, where {@code app.log.1} is the
 * newest, is recognised (names that are the active name, a dot and a number) and ordered by descending
 * number. Names are compared after {@link #normalize(String)}, so one rotation's {@code .tmp} and its
 * {@code .gz} fall together.
 *
 * <pre>{@code
 * files.sort(NameOrder.oldestFirst("app.log"));
 * }</pre>
 */
public final class NameOrder {
    private NameOrder() {
    }

    /**
     * The name one rotation's files share: without {@code .gz}, and without Logback 1.5's
     * {@code <nanoTime>.tmp} suffix ({@code app.2026-11-24.0.log540826378242.tmp} becomes
     * {@code app.2026-11-24.0.log}, the name 1.6 gives the same temporary file).
     */
    public static String normalize(String fileName) {
        String s = fileName;
        if (s.endsWith(".gz")) {
            s = s.substring(0, s.length() - 3);
        }
        if (s.endsWith(".tmp")) {
            int end = s.length() - 4;
            while (end > 0 && Character.isDigit(s.charAt(end - 1))) {
                end--;
            }
            s = s.substring(0, end);
        }
        return s;
    }

    /** Oldest first, for normalized names of rotated copies of the file named {@code activeName}. */
    static Comparator<String> oldestFirst(String activeName) {
        String numbered = activeName + ".";
        return (a, b) -> {
            long na = suffixNumber(a, numbered);
            long nb = suffixNumber(b, numbered);
            if (na >= 0 && nb >= 0) {
                return Long.compare(nb, na);
            }
            return natural(a, b);
        };
    }

    private static long suffixNumber(String name, String prefix) {
        if (!name.startsWith(prefix) || name.length() == prefix.length() || name.length() - prefix.length() > 18) {
            return -1;
        }
        long n = 0;
        for (int i = prefix.length(); i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Compares digit runs by value and everything else char by char. */
    static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = digitsEnd(a, i);
                int ej = digitsEnd(b, j);
                int si = skipZeros(a, i, ei);
                int sj = skipZeros(b, j, ej);
                int byLength = Integer.compare(ei - si, ej - sj);
                if (byLength != 0) {
                    return byLength;
                }
                int byDigits = a.substring(si, ei).compareTo(b.substring(sj, ej));
                if (byDigits != 0) {
                    return byDigits;
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int digitsEnd(String s, int from) {
        int e = from;
        while (e < s.length() && Character.isDigit(s.charAt(e))) {
            e++;
        }
        return e;
    }

    private static int skipZeros(String s, int from, int end) {
        int i = from;
        while (i < end - 1 && s.charAt(i) == '0') {
            i++;
        }
        return i;
    }
}
