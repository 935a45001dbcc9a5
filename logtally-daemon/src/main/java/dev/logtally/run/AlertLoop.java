package dev.logtally.run;

import dev.logtally.pipeline.FollowPipeline;
import dev.logtally.aggregate.AlertTransition;
import dev.logtally.aggregate.ErrorGroupsView;
import dev.logtally.export.AlertOptions;
import dev.logtally.export.AlertmanagerClient;
import dev.logtally.export.Backoff;
import dev.logtally.export.ErrorGroupAlert;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert sender thread of {@code tail}: sends the error-group transitions of the last checkpoint to
 * Alertmanager, following its client contract, exactly once per transition:
 *
 * <ul>
 *   <li>A transition not yet {@linkplain AlertTransition#delivered() delivered} is posted; when Alertmanager
 *       accepts it, the delivery is reported to the reader thread, which records it in the next checkpoint
 *       (asked for at once). Until then this thread remembers it, so it is not posted again as new. After a
 *       {@code kill -9} before that checkpoint it is posted once more with the same labels and
 *       {@code startsAt}, which Alertmanager merges into the same alert: no second notification.</li>
 *   <li>A failed post is retried with exponential backoff and jitter (250 ms up to 30 s) and counted in
 *       {@code logtally_alerts_failed_total}.</li>
 *   <li>An active alert is re-sent every {@code alertmanager.resend.interval} with its {@code endsAt}
 *       (the group's last event plus {@code alertmanager.quiet}); once that passed, it is sent resolved and
 *       the transition is forgotten.</li>
 * </ul>
 *
 * <pre>{@code
 * AlertLoop loop = new AlertLoop(follow, reader, options.alerts(), Clock.systemUTC(), Waiter.monitor());
 * new Thread(loop, "logtally-alerts").start();
 * }</pre>
 */
public final class AlertLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertLoop.class);
    private static final Duration IDLE = Duration.ofSeconds(1);

    private final FollowPipeline follow;
    private final ReaderLoop reader;
    private final AlertOptions options;
    private final AlertmanagerClient client;
    private final Clock clock;
    private final Waiter waiter;
    private final Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30), new Random());
    /** Transitions delivered or finished here but maybe not yet in the published checkpoint. */
    private final Map<Long, Boolean> done = new HashMap<>();
    private final Map<Long, Long> lastSent = new HashMap<>();
    private int failures;
    private long retryAt;
    private volatile boolean stopping;

    public AlertLoop(FollowPipeline follow, ReaderLoop reader, AlertOptions options, Clock clock, Waiter waiter) {
        this.follow = follow;
        this.reader = reader;
        this.options = options;
        this.client = new AlertmanagerClient(options);
        this.clock = clock;
        this.waiter = waiter;
    }

    /** A checkpoint was published: look at once. */
    public void wake() {
        waiter.wake();
    }

    public void stop() {
        stopping = true;
        waiter.wake();
    }

    @Override
    public void run() {
        while (!stopping) {
            try {
                step();
            } catch (RuntimeException e) {
                LOG.error("alert sending failed: {}", e.toString(), e);
            }
            try {
                long now = clock.millis();
                waiter.await(retryAt > now ? Duration.ofMillis(Math.min(retryAt - now, IDLE.toMillis())) : IDLE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One pass over the published transitions. */
    void step() {
        long now = clock.millis();
        if (now < retryAt) {
            return;
        }
        List<AlertTransition> transitions = follow.alertTransitions();
        ErrorGroupsView groups = follow.errorGroups();
        done.keySet().removeIf(id -> transitions.stream().noneMatch(t -> t.id() == id)
                || transitions.stream().anyMatch(t -> t.id() == id && t.delivered() && !done.get(id)));
        boolean reported = false;
        for (AlertTransition t : transitions) {
            Boolean mine = done.get(t.id());
            boolean finished = now >= t.endsAtMillis();
            boolean delivered = t.delivered() || mine != null;
            if (mine != null && mine) {
                continue; // finished here; the checkpoint will forget it
            }
            Long last = lastSent.get(t.id());
            boolean due = !delivered || finished || last == null || now - last >= options.resend().toMillis();
            if (!due) {
                continue;
            }
            String failure = client.post(List.of(ErrorGroupAlert.of(t, groups.group(t.fingerprint()).orElse(null),
                    options, now)));
            String name = t.kind().alertName();
            if (failure != null) {
                follow.report(g -> g.failed(name));
                retryAt = clock.millis() + backoff.delay(failures++).toMillis();
                LOG.warn("alert {} for {} not delivered (retrying): {}", name, t.fingerprint(), failure);
                return;
            }
            failures = 0;
            lastSent.put(t.id(), now);
            long id = t.id();
            if (!delivered) {
                done.put(id, false);
                follow.report(g -> g.delivered(id, name));
                reported = true;
                LOG.info("alert {} for {} delivered", name, t.fingerprint());
            }
            if (finished) {
                done.put(id, true);
                lastSent.remove(id);
                follow.report(g -> g.finished(id));
                reported = true;
            }
        }
        if (reported) {
            reader.requestCheckpoint();
        }
    }
}
