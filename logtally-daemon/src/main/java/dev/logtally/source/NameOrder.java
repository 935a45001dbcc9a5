package dev.logtally.source;

import java.util.Comparator;

/**
 * Orders the rotated copies of one followed file oldest first, by name alone. Names are first
 * {@linkplain #normalize(String) normalized}, so that one rotation's {@code .tmp} and {@code .gz} are one
 * name. These naming schemes are ordered, each the way its writer numbers its copies:
 * <ol>
 * <li><b>The drop-in's Logback archives</b> (CONTRACT section 2), {@code <stem>.<yyyy-MM-dd>.<i>.log.gz}:
 *     by date, then by {@code i} ascending, since Logback's size-and-time policy counts {@code i} up within
 *     a day (higher is newer). Runs of digits compare as numbers: {@code app.2026-11-24.9.log} before
 *     {@code app.2026-11-24.10.log}.</li>
 * <li><b>logrotate's numbering</b> (its default), {@code <active>.<n>}, compressed {@code <active>.<n>.gz}:
 *     by {@code n} descending, since logrotate renames every copy one number up at each rotation, so
 *     {@code .1} ({@code .0} with {@code start 0}) is the newest.</li>
 * <li><b>logrotate's {@code dateext}</b>, {@code <active><dateformat>} (default {@code -%Y%m%d}, e.g.
 *     {@code app.log-20261124.gz}): by date ascending, as digit runs compared as numbers; logrotate
 *     itself requires a {@code dateformat} that sorts lexically (year, then month, then day).</li>
 * </ol>
 * Every other name is ordered the same "natural" way as the first and third schemes: digit runs by
 * value, everything else character by character. The numbered copies of the second scheme take, as one
 * block, the place of {@code <active>.} in that order: after {@code app.2026-11-24.0.log} and
 * {@code app.log-20261124}, before names that merely start with it ({@code app.log.1.bak}). This keeps
 * the order total, whatever mix of names a directory holds.
 *
 * <p>Not recognised: logrotate's {@code extension} option ({@code app.1.log}) and Logback's fixed-window
 * policy ({@code app.%i.log}) also make {@code 1} the newest, but their names are ordered naturally
 * (ascending number), i.e. newest first.
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
            if (na < 0 && nb < 0) {
                return natural(a, b);
            }
            return na >= 0 ? -sideOfBlock(b, numbered) : sideOfBlock(a, numbered);
        };
    }

    /** Where a name outside the numbered block sorts relative to it: before (-1) or after (1). */
    private static int sideOfBlock(String name, String numbered) {
        return name.startsWith(numbered) || natural(name, numbered) > 0 ? 1 : -1;
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
