package dev.aigw.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The workers of one run, each looping on its own virtual thread; used from the thread that runs the run. */
final class Workers implements AutoCloseable {
    private final Call call;
    private final Tally tally;
    private final List<Worker> started = new ArrayList<>();
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("load-", 0).factory());

    Workers(Call call, Tally tally) {
        this.call = call;
        this.tally = tally;
    }

    /** Starts a worker with a new connection running {@code loop}. */
    void start(Consumer<Worker> loop) {
        Worker worker = new Worker(call, tally);
        started.add(worker);
        threads.execute(() -> loop.accept(worker));
    }

    int size() {
        return started.size();
    }

    /**
     * Waits for every loop to end; after {@code wait} aborts the requests still unanswered, which then count as failed,
     * so a hung target cannot hang the run.
     */
    void finish(Duration wait) {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                abort();
            }
        } catch (InterruptedException e) {
            abort();
            Thread.currentThread().interrupt();
        }
    }

    /** Closes every connection and waits for the threads. */
    @Override
    public void close() {
        started.forEach(Worker::abort);
        threads.close();
    }

    private void abort() {
        tally.abort();
        started.forEach(Worker::abort);
    }
}
