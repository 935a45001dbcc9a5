package dev.logtally.samples;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The simulated outside world of the {@link StratumProxy}: a fleet of miners and the upstream pool.
 * Each {@link #step()} is one thing happening (a share arrives, a miner drops, the pool sends a job),
 * drawn from one seeded {@link Random}, so a seed always plays the same story.
 *
 * <pre>{@code
 * MinerFleet fleet = new MinerFleet(new Random(seed), proxy, 60, 100);
 * while (running) fleet.step();
 * }</pre>
 */
final class MinerFleet {
    private static final String[] AGENTS = {"cgminer/4.12.1", "bmminer/2.0.0", "bfgminer/5.5.0", "NiceHash/1.0.0"};

    private final Random random;
    private final StratumProxy proxy;
    private final List<Miner> miners = new ArrayList<>();
    private final long stepsPerSecond;
    private long step;
    private long poolBackAt = -1;
    private int requestId;

    private static final class Miner {
        final String worker;
        final String agent;
        StratumProxy.Session session;

        Miner(String worker, String agent) {
            this.worker = worker;
            this.agent = agent;
        }
    }

    /**
     * @param size           number of miners
     * @param stepsPerSecond steps in one simulated second: gauges are reported once per second, the pool
     *                       fails about once in 40 seconds, for 2 to 8 seconds
     */
    MinerFleet(Random random, StratumProxy proxy, int size, long stepsPerSecond) {
        this.random = random;
        this.proxy = proxy;
        this.stepsPerSecond = Math.max(1, stepsPerSecond);
        for (int i = 0; i < size; i++) {
            miners.add(new Miner(String.format("rig-%02d.worker%d", i / 2 + 1, i % 2 + 1), AGENTS[random.nextInt(AGENTS.length)]));
        }
    }

    /** One thing happens. */
    void step() {
        step++;
        if (step % stepsPerSecond == 0) {
            proxy.reportGauges();
        }
        if (step == poolBackAt) {
            proxy.poolBack();
        }
        boolean poolUp = step > poolBackAt;
        if (poolUp && random.nextDouble() < 1.0 / (40 * stepsPerSecond)) { // about once in 40 s
            proxy.poolLost(poolReset());
            poolBackAt = step + stepsPerSecond * (2 + random.nextInt(7));
            return;
        }
        Miner m = miners.get(random.nextInt(miners.size()));
        if (m.session == null || !m.session.open) {
            connect(m);
            return;
        }
        double r = random.nextDouble();
        if (r < 0.004) {
            proxy.timedOut(m.session, readTimeout());
        } else if (r < 0.006) {
            proxy.receive(m.session, random.nextBoolean() ? "GET / HTTP/1.1" : "{\"id\":" + nextId() + ",\"method\":\"mining.submit\",\"params\":[\"" + m.worker + "\",");
        } else if (r < 0.007) {
            proxy.receive(m.session, request("mining.extranonce.subscribe", ""));
        } else if (r < 0.017) {
            proxy.disconnected(m.session);
        } else if (r < 0.027) {
            if (poolUp) {
                proxy.newJob(String.format("%08x", random.nextInt()), random.nextInt(10) == 0);
            }
        } else if (r < 0.05) {
            proxy.receive(m.session, request("mining.suggest_difficulty", String.valueOf(1 << (10 + random.nextInt(6)))));
        } else {
            proxy.receive(m.session, request("mining.submit", "\"" + m.worker + "\",\"" + String.format("%08x", random.nextInt())
                    + "\",\"" + String.format("%08x", random.nextInt()) + "\",\"6745b2c0\",\"" + String.format("%08x", random.nextInt()) + "\""));
        }
    }

    private void connect(Miner m) {
        m.session = proxy.connect(String.format("10.0.%d.%d:%d", random.nextInt(4), 2 + random.nextInt(250), 40_000 + random.nextInt(20_000)));
        proxy.receive(m.session, request("mining.subscribe", "\"" + m.agent + "\""));
        proxy.receive(m.session, request("mining.authorize", "\"" + m.worker + "\",\"x\""));
    }

    private String request(String method, String params) {
        return "{\"id\":" + nextId() + ",\"method\":\"" + method + "\",\"params\":[" + params + "]}";
    }

    private int nextId() {
        return ++requestId;
    }

    /** What a socket read throws when the miner is silent past the read timeout. */
    private static SocketTimeoutException readTimeout() {
        return new SocketTimeoutException("Read timed out");
    }

    private static IOException poolReset() {
        return new SocketException("Connection reset");
    }
}
