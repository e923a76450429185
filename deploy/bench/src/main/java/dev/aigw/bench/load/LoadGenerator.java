package dev.aigw.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Offers a {@link Load} of one {@link Call} to a target and measures the answers, on virtual threads each owning one
 * {@link HttpConnection}. Latencies count answers with a 2xx status only; {@code failed} counts the rest. Both models
 * report the run's window ({@link Load#duration()}) as elapsed time, so {@link LoadResult#perSecond()} is a rate over
 * the window. A connection's first request includes its TCP connect. Warming the target up is the caller's job.
 */
public final class LoadGenerator {
    /** Most connections an open run opens to keep up with its rate. */
    public static final int MAX_CONNECTIONS = 2_000;

    /** How long requests still in flight when a run's window ends may take before they are aborted as failed. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private static final long STOP = Long.MIN_VALUE;

    private LoadGenerator() {
    }

    /** Runs the load to its end (plus at most {@link #GRACE} for requests still in flight) and returns what it saw. */
    public static LoadResult run(Call call, Load load) {
        return switch (load) {
            case Load.Closed closed -> closed(call, closed);
            case Load.Open open -> open(call, open);
        };
    }

    /**
     * Each connection sends its next request when the last answer ended, until the window closes. Only answers that
     * ended inside the window count (requests still in flight then are finished, so the target sees no aborts, but
     * left out), which makes {@code ok / elapsed} the completion rate over exactly the window.
     */
    private static LoadResult closed(Call call, Load.Closed load) {
        long start = System.nanoTime();
        long deadline = start + load.duration().toNanos();
        Tally tally = new Tally(deadline);
        try (Workers workers = new Workers(call, tally)) {
            for (int i = 0; i < load.concurrency(); i++) {
                long first = start + i * load.stagger().toNanos() / load.concurrency();
                workers.start(worker -> {
                    waitUntil(first);
                    for (long now = System.nanoTime(); now - deadline < 0; now = System.nanoTime()) {
                        worker.send(now);
                    }
                });
            }
            workers.finish(load.duration().plus(GRACE));
        }
        return tally.result(load.duration());
    }

    /**
     * Requests fall due at fixed times; each is handed to an idle connection, or to a new one while fewer than
     * {@link #MAX_CONNECTIONS} are open, else queued until one frees. Latency counts from the due time, so a target
     * that falls behind shows it in latency instead of silently receiving fewer requests. Every request due inside the
     * window counts, however late it ends; those still queued when the window closes count as failed.
     *
     * <p>The due times are kept by the calling thread, expected to be a platform thread: its timed park wakes with less
     * delay than a virtual thread's. That delay is still part of every latency measured (about 0.1 ms at the median,
     * plus a hand-over to the worker, on a busy 2-core machine), so open-run latencies compare across targets, not
     * with closed-run ones.
     */
    private static LoadResult open(Call call, Load.Open load) {
        LinkedTransferQueue<Long> due = new LinkedTransferQueue<>();
        long start = System.nanoTime();
        long window = load.duration().toNanos();
        Tally tally = new Tally(Long.MAX_VALUE);
        try (Workers workers = new Workers(call, tally)) {
            for (long i = 0; ; i++) {
                long at = start + i * 1_000_000_000L / load.perSecond();
                if (at - start >= window) {
                    break;
                }
                waitUntil(at);
                hand(at, due, workers);
            }
            ArrayList<Long> notStarted = new ArrayList<>();
            due.drainTo(notStarted);
            tally.failed(notStarted.size());
            for (int i = 0; i < workers.size(); i++) {
                due.offer(STOP);
            }
            workers.finish(GRACE);
        }
        return tally.result(load.duration());
    }

    private static void hand(long at, LinkedTransferQueue<Long> due, Workers workers) {
        if (due.tryTransfer(at)) {
            return;
        }
        if (workers.size() < MAX_CONNECTIONS) {
            workers.start(worker -> {
                worker.send(at);
                serve(due, worker);
            });
        } else {
            due.offer(at);
        }
    }

    private static void serve(LinkedTransferQueue<Long> due, Worker worker) {
        try {
            for (long at = due.take(); at != STOP; at = due.take()) {
                worker.send(at);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(long at) {
        for (long left = at - System.nanoTime(); left > 0; left = at - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
