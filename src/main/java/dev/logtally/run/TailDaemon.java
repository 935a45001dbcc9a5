package dev.logtally.run;

import dev.logtally.cli.UserFacingException;
import dev.logtally.config.Options;

/** Placeholder until the stages are wired. */
public final class TailDaemon {
    private TailDaemon() {
    }

    public static int runUntilSignalled(Options options) {
        throw new UserFacingException("tail is not wired yet");
    }
}
