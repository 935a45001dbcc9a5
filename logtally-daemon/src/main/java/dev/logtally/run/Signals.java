package dev.logtally.run;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as a request to stop cleanly. A JVM shutdown hook would make the process exit with
 * 143 after SIGTERM, which systemd counts as a failure; handling the signals lets {@code tail} finish its
 * final checkpoint and push and exit 0.
 */
final class Signals {
    private Signals() {
    }

    static void onTerminate(Runnable action) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), s -> action.run());
            } catch (IllegalArgumentException e) {
                // the signal is not available on this platform (or already taken by the JVM): keep the default
            }
        }
    }
}
