package dev.logtally.config;

import dev.logtally.base.Secret;

/**
 * How the issues page is served ({@code issues.*}): the token a status change must carry, and whether
 * clients other than loopback ones are answered.
 *
 * <pre>{@code
 * IssuesOptions o = new IssuesOptions(Secret.fromFile(Path.of("/etc/logtally/issues.token"), "issues.token.file"), false);
 * }</pre>
 *
 * @param token  the token of {@code issues.token.file}, or null: the page is read-only
 * @param remote {@code issues.remote}: answer clients that are not on the loopback interface
 */
public record IssuesOptions(Secret token, boolean remote) {
    /** Read-only, loopback only. */
    public static final IssuesOptions DEFAULT = new IssuesOptions(null, false);
}
