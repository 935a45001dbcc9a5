package dev.logtally.aggregate;

/**
 * What became of a {@link StatusChange}: applied (and durable: in the checkpoint on disk) with the group's
 * new status, or refused because no group has that fingerprint.
 *
 * <pre>{@code
 * StatusOutcome o = control.change(StatusChange.ignore(fp)).get(10, TimeUnit.SECONDS);
 * if (!o.applied()) System.err.println(o.message());
 * }</pre>
 *
 * @param applied true when the status was set and written to the checkpoint
 * @param status  the group's status afterwards (null when not applied)
 * @param message one line for people: {@code "9c1f2e0a4b7d3c55: resolved in 2.4.1"} or why not
 */
public record StatusOutcome(boolean applied, GroupStatus status, String message) {

    public static StatusOutcome applied(String fingerprint, GroupStatus status) {
        return new StatusOutcome(true, status, fingerprint + ": " + status.describe());
    }

    public static StatusOutcome unknown(String fingerprint) {
        return new StatusOutcome(false, null, "no error group has the fingerprint " + fingerprint);
    }
}
