package dev.logtally.base;

/** logtally's version, from the jar's manifest ({@code development} when run from classes). */
public final class Version {
    private Version() {
    }

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
