package dev.logtally.aggregate;

import java.util.Comparator;

/**
 * How releases compare, for "seen again in a release at or after the one it was resolved in": version
 * order, not text order ({@code 2.10.0} is after {@code 2.9.1}). Releases are split into runs of digits and
 * runs of other characters; digit runs compare as numbers, others as text; a pre-release suffix after
 * {@code -} ({@code 2.4.1-rc1}) comes before the release itself ({@code 2.4.1}), as in SemVer; a missing part
 * comes first ({@code 2.4} before {@code 2.4.0}). A leading {@code v} is ignored.
 *
 * <pre>{@code
 * ReleaseOrder.compare("2.4.0", "2.4.1") < 0;       // older: no regression
 * ReleaseOrder.compare("2.10.0", "2.9.1") > 0;
 * ReleaseOrder.compare("2.4.1-rc1", "2.4.1") < 0;
 * }</pre>
 */
public final class ReleaseOrder {
    /** The order as a comparator. */
    public static final Comparator<String> ORDER = ReleaseOrder::compare;

    private ReleaseOrder() {
    }

    public static int compare(String a, String b) {
        a = strip(a);
        b = strip(b);
        int da = a.indexOf('-');
        int db = b.indexOf('-');
        String ca = da < 0 ? a : a.substring(0, da);
        String cb = db < 0 ? b : b.substring(0, db);
        int c = comparePlain(ca, cb);
        if (c != 0) {
            return c;
        }
        if (da < 0 || db < 0) {
            return Boolean.compare(da < 0, db < 0); // the one with a pre-release suffix first
        }
        return comparePlain(a.substring(da + 1), b.substring(db + 1));
    }

    private static String strip(String s) {
        return s.length() > 1 && (s.charAt(0) == 'v' || s.charAt(0) == 'V') && Character.isDigit(s.charAt(1))
                ? s.substring(1) : s;
    }

    private static int comparePlain(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            boolean na = Character.isDigit(a.charAt(i));
            boolean nb = Character.isDigit(b.charAt(j));
            int ei = run(a, i, na);
            int ej = run(b, j, nb);
            int c;
            if (na && nb) {
                c = compareNumbers(a.substring(i, ei), b.substring(j, ej));
            } else if (na != nb) {
                c = na ? 1 : -1; // a number after a separator sorts after text ("2.4.1" > "2.4.x")
            } else {
                c = a.substring(i, ei).compareTo(b.substring(j, ej));
            }
            if (c != 0) {
                return c;
            }
            i = ei;
            j = ej;
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int run(String s, int from, boolean digits) {
        int k = from;
        while (k < s.length() && Character.isDigit(s.charAt(k)) == digits) {
            k++;
        }
        return k;
    }

    private static int compareNumbers(String x, String y) {
        String a = x.replaceFirst("^0+(?=.)", "");
        String b = y.replaceFirst("^0+(?=.)", "");
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
}
