package dev.logtally.samples;

import java.sql.SQLTransientConnectionException;
import java.util.Random;

/**
 * The shares database, simulated: inserts take a realistic time on the {@link SimClock}, and one in
 * 200 fails the way a starved connection pool does. Used from the single database thread only, so its
 * random sequence, like the proxy's, depends only on {@code --seed}.
 */
final class SimulatedShareDb {
    private final Random random;
    private final SimClock clock;

    SimulatedShareDb(Random random, SimClock clock) {
        this.random = random;
        this.clock = clock;
    }

    void insert(String worker, String jobId) throws SQLTransientConnectionException {
        clock.spend(Latency.DB_INSERT.sample(random));
        if (random.nextDouble() < 0.005) {
            clock.spend(5_000);
            throw new SQLTransientConnectionException("shares-db - Connection is not available, request timed out after 5000ms.");
        }
    }
}
