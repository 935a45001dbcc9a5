package dev.logtally.samples;

import java.util.Random;

/**
 * The upstream mining pool, simulated: each call takes a realistic time on the {@link SimClock}, and a
 * few shares are rejected, with the reasons real pools give. Used from the proxy's I/O thread only.
 */
final class SimulatedPool {
    private static final String[] REJECTIONS = {
        "job not found (stale share)", "low difficulty share", "duplicate share", "ntime out of range"};

    private final Random random;
    private final SimClock clock;

    SimulatedPool(Random random, SimClock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** Opens a subscription upstream and returns the extranonce1 for the miner. */
    String subscribe() {
        clock.spend(Latency.SUBSCRIBE.sample(random));
        return String.format("%08x", random.nextInt());
    }

    /** Checks a worker's credentials; returns the starting difficulty. */
    int authorize(String worker) {
        clock.spend(Latency.AUTHORIZE.sample(random));
        return 1 << (12 + random.nextInt(4));
    }

    /** Forwards a share; 2% are rejected. */
    void submit(String worker, String jobId) throws InvalidShareException {
        clock.spend(Latency.SUBMIT.sample(random));
        if (random.nextDouble() < 0.02) {
            throw new InvalidShareException(REJECTIONS[random.nextInt(REJECTIONS.length)] + " for job " + jobId);
        }
    }

    /** Sends a new job to {@code miners} connections. */
    void fanOut(int miners) {
        for (int i = 0; i < miners; i++) {
            clock.spend(Latency.NOTIFY_PER_MINER.sample(random));
        }
    }
}
