package dev.logtally.cli;

import picocli.CommandLine;

/** {@code logtally --version}: the version from the jar's manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"logtally " + (v == null ? "(development build)" : v)};
    }
}
