package dev.logtally.run;

import com.sun.net.httpserver.HttpHandler;
import dev.logtally.pipeline.FollowPipeline;
import dev.logtally.base.Version;
import dev.logtally.aggregate.ErrorGroupControl;
import dev.logtally.aggregate.ErrorGroupsView;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.aggregate.SelfMetrics;
import dev.logtally.aggregate.Snapshots;
import dev.logtally.base.ConfigException;
import dev.logtally.config.Options;
import dev.logtally.export.LoggingPushListener;
import dev.logtally.export.MetricsServer;
import dev.logtally.export.PushFailure;
import dev.logtally.export.PushListener;
import dev.logtally.export.Pusher;
import dev.logtally.export.RemoteWriteOptions;
import dev.logtally.export.RemoteWriter;
import dev.logtally.export.Sender;
import dev.logtally.export.TimedSnapshot;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import dev.logtally.issues.Breadcrumbs;
import dev.logtally.issues.IssuesHttp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running {@code tail}: a reader thread ({@link ReaderLoop} over a {@link FollowPipeline}), a pusher
 * thread ({@link PushLoop}) when {@code push.url} is set, one remote-write thread per
 * {@code remote_write.url}, and a {@link MetricsServer} when {@code listen} is set; which of them run is
 * decided once here. Only checkpointed values are published to the pusher, the stores and the server, so
 * nothing a crash could take back is ever shown; the live gauges (lag, files, checkpoint age) are added at
 * read time for the push and the server. Remote write sends the checkpointed values alone, stamped with
 * their checkpoint's time.
 *
 * <pre>{@code
 * try (TailDaemon d = TailDaemon.start(options, Clock.systemUTC())) {
 *     ...
 * }   // close(): final checkpoint, final push
 * }</pre>
 */
public final class TailDaemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TailDaemon.class);
    /** Longest the trace of an issue's sample reads (the issues page). */
    private static final Duration ISSUES_TRACE_TIME_LIMIT = Duration.ofSeconds(10);
    /** Events the trace of an issue's sample keeps. */
    private static final int ISSUES_TRACE_MAX_EVENTS = 1000;

    private final FollowPipeline follow;
    private final ReaderLoop reader;
    private final Thread readerThread;
    private final AtomicReference<TimedSnapshot> published;
    private final MetricsServer server;
    private final PushLoop<MetricSnapshot> pushLoop;
    private final List<Sender<?>> senders = new ArrayList<>();
    private final List<PushLoop<?>> loops = new ArrayList<>();
    private final List<Thread> sendThreads = new ArrayList<>();
    private final Breadcrumbs breadcrumbs;
    private volatile AlertLoop alertLoop;
    private Thread alertThread;
    private boolean closed;

    private TailDaemon(Options o, Clock clock) {
        follow = FollowPipeline.open(o, clock);
        published = new AtomicReference<>(stamped(follow.restored()));
        SelfMetrics self = follow.self();
        reader = new ReaderLoop(follow, clock, Waiter.monitor(), o.pollInterval(), o.checkpointInterval(), s -> {
            published.set(stamped(s));
            AlertLoop a = alertLoop;
            if (a != null) {
                a.wake();
            }
        });
        readerThread = new Thread(reader, "logtally-reader");
        MetricsServer srv = null;
        Pusher p = null;
        breadcrumbs = o.listen() == null ? null : new Breadcrumbs(o, Breadcrumbs.followedBy(o), ISSUES_TRACE_TIME_LIMIT,
                ISSUES_TRACE_MAX_EVENTS, 1);
        try {
            if (o.listen() != null) {
                srv = MetricsServer.start(o.listen().socketAddress(), this::current, reader::unhealthy, issuesPages(o));
                LOG.info("serving /metrics and /issues{} on {}:{}", o.issues().token() == null ? " (read-only)" : "",
                        o.listen().host(), srv.port());
            }
            if (o.alerts() != null) {
                alertLoop = new AlertLoop(follow, reader, o.alerts(), clock, Waiter.monitor());
                alertThread = new Thread(alertLoop, "logtally-alerts");
            }
            if (o.push() != null) {
                PushListener counting = new PushListener() {
                    @Override
                    public void succeeded(Instant at) {
                        self.countPush();
                        self.setLastPushTime(at.toEpochMilli());
                    }

                    @Override
                    public void failed(PushFailure failure) {
                        self.countPushFailure();
                    }
                };
                p = Pusher.create(o.push(), counting.andThen(new LoggingPushListener(o.push(), clock, Duration.ofMinutes(1))));
                senders.add(p);
            }
            RemoteWriteOptions rw = o.remoteWrite();
            if (rw != null) {
                for (URI url : rw.urls()) {
                    RemoteWriter w = RemoteWriter.create(rw, url, rw.tailLabels(),
                            new LoggingPushListener("remote write to " + url, clock, Duration.ofMinutes(1)));
                    senders.add(w);
                    loops.add(new PushLoop<>(reader, w, this::checkpointed, clock, Waiter.monitor(), rw.interval()));
                    LOG.info("remote write to {}", url);
                }
            }
        } catch (RuntimeException e) {
            senders.forEach(Sender::close);
            if (srv != null) {
                srv.close();
            }
            if (breadcrumbs != null) {
                breadcrumbs.close();
            }
            follow.close();
            throw e;
        }
        server = srv;
        pushLoop = p == null ? null : new PushLoop<>(reader, p, this::current, clock, Waiter.monitor(), o.pushInterval());
        if (pushLoop != null) {
            loops.add(0, pushLoop);
        }
        for (PushLoop<?> loop : loops) {
            sendThreads.add(new Thread(loop, loop == pushLoop ? "logtally-pusher" : "logtally-remote-write"));
        }
    }

    /** Values of the reader thread's last checkpoint, stamped with that checkpoint's time. */
    private TimedSnapshot stamped(MetricSnapshot s) {
        return new TimedSnapshot(Instant.ofEpochMilli(follow.checkpointMillis()), s);
    }

    /** The issues page next to {@code /metrics}: its handler on each of its paths. */
    private Map<String, HttpHandler> issuesPages(Options o) {
        IssuesHttp http = new IssuesHttp(this::errorGroups, errorControl(), breadcrumbs,
                Optional.ofNullable(o.issues().token()), o.issues().remote(), o.errorLevels(), null);
        Map<String, HttpHandler> pages = new LinkedHashMap<>();
        for (String context : IssuesHttp.CONTEXTS) {
            pages.put(context, http);
        }
        return pages;
    }

    /** Opens everything (state lock, checkpoint, files, server) and starts the threads. */
    public static TailDaemon start(Options o, Clock clock) {
        requireTailOptions(o);
        TailDaemon d = new TailDaemon(o, clock);
        d.readerThread.start();
        d.sendThreads.forEach(Thread::start);
        if (d.alertThread != null) {
            d.alertThread.start();
        }
        return d;
    }

    /**
     * {@code logtally tail}: starts the daemon, logs the effective configuration, and runs until SIGTERM or
     * SIGINT, which end it with a final checkpoint and push; returns 0 then, or 1 when the final checkpoint
     * could not be written (e.g. the state disk is full).
     */
    public static int runUntilSignalled(Options o) {
        requireTailOptions(o);
        LOG.info("logtally {} tail starting with configuration:\n{}", Version.current(), o.describe());
        CountDownLatch stop = new CountDownLatch(1);
        Signals.onTerminate(stop::countDown);
        TailDaemon daemon = null;
        try (TailDaemon d = start(o, Clock.systemUTC())) {
            daemon = d;
            stop.await();
            LOG.info("stopping: final checkpoint{}", d.loops.isEmpty() ? "" : " and sends");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (daemon != null && daemon.reader.finalCheckpointFailed()) {
            LOG.error("stopped, but the final checkpoint could not be written: the next start resumes from the last"
                    + " checkpoint written, and reads again what was read since");
            return 1;
        }
        LOG.info("stopped");
        return 0;
    }

    private static void requireTailOptions(Options o) {
        if (o.paths().isEmpty()) {
            throw new ConfigException("paths", "at least one file or glob to follow is required (--path GLOB)");
        }
        if (o.stateDir() == null) {
            throw new ConfigException("state.dir", "a state directory for the checkpoint is required (--state-dir DIR)");
        }
        if (o.push() == null && o.listen() == null && o.remoteWrite() == null && o.alerts() == null) {
            throw new ConfigException("push.url", "nothing would see the metrics: give --push URL --job NAME, "
                    + "--listen HOST:PORT, --remote-write URL, or several of them");
        }
    }

    /** The last checkpointed values plus the live gauges: what is pushed and served. */
    public MetricSnapshot current() {
        return Snapshots.combine(published.get().snapshot(), follow.self().live());
    }

    /** The last checkpointed values alone, stamped with their checkpoint's time: what remote write sends. */
    public TimedSnapshot checkpointed() {
        return published.get();
    }

    /**
     * The error groups of the last checkpoint (immutable views; from any thread, never blocks the reader).
     * What the issues page lists.
     */
    public ErrorGroupsView errorGroups() {
        return follow.errorGroups();
    }

    /**
     * Changes a group's status: applied by the reader thread at a checkpoint it is asked for at once; the
     * future completes when that checkpoint is on disk. No authentication here: a remote caller (the issues
     * page) checks its token first.
     */
    public ErrorGroupControl errorControl() {
        return change -> {
            var done = follow.change(change);
            reader.requestCheckpoint();
            return done;
        };
    }

    /** The port {@code /metrics} is served on, or -1. */
    public int metricsPort() {
        return server == null ? -1 : server.port();
    }

    /** Stops the threads: the reader writes its final checkpoint, then the final push is made. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            loops.forEach(PushLoop::stop);
            sendThreads.forEach(TailDaemon::join);
            if (alertLoop != null) {
                alertLoop.stop();
                join(alertThread);
            }
            reader.stop();
            join(readerThread);
            for (PushLoop<?> loop : loops) {
                var outcome = loop.finalPush();
                if (!outcome.succeeded()) {
                    LOG.warn("final {} failed; the next start sends the same totals", loop == pushLoop ? "push" : "remote write");
                }
            }
        } finally {
            senders.forEach(Sender::close);
            if (server != null) {
                server.close();
            }
            if (breadcrumbs != null) {
                breadcrumbs.close();
            }
            follow.close();
        }
    }

    private static void join(Thread t) {
        try {
            t.join(TimeUnit.MINUTES.toMillis(1));
            if (t.isAlive()) {
                LOG.warn("{} did not stop within 1m", t.getName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
