package dev.logtally.samples;

import java.util.Random;

/**
 * A latency distribution, in milliseconds: log-normal around a median (most calls), and now and then a
 * slow call {@code tailFactor} times longer (a GC pause, a lock, a retry) — the shape real service
 * latencies have.
 *
 * <pre>{@code
 * Latency submit = new Latency(15, 0.55, 0.02, 10);   // mostly 5-50 ms, 2% around 150 ms
 * double ms = submit.sample(random);
 * }</pre>
 *
 * @param medianMs   the median of the ordinary calls
 * @param sigma      spread of the log-normal (0.5: the middle 95% span about 7x)
 * @param tailChance chance of a slow call
 * @param tailFactor how much slower a slow call is
 */
record Latency(double medianMs, double sigma, double tailChance, double tailFactor) {
    static final Latency SUBSCRIBE = new Latency(1.2, 0.5, 0.01, 5);
    static final Latency AUTHORIZE = new Latency(9, 0.7, 0.01, 8);
    static final Latency SUBMIT = new Latency(15, 0.55, 0.02, 10);
    static final Latency NOTIFY_PER_MINER = new Latency(0.04, 0.3, 0.005, 20);
    static final Latency DB_INSERT = new Latency(3, 0.8, 0.005, 30);

    double sample(Random random) {
        double ms = medianMs * Math.exp(sigma * random.nextGaussian());
        return random.nextDouble() < tailChance ? ms * tailFactor : ms;
    }
}
