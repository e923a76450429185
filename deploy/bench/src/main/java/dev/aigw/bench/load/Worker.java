package dev.aigw.bench.load;

import java.io.IOException;

/** One connection of a run and its timings; used by one virtual thread. */
final class Worker {
    private final HttpConnection connection;
    private final Sample sample;
    private final Tally tally;

    Worker(Call call, Tally tally) {
        this.connection = new HttpConnection(call);
        this.sample = new Sample(call.streaming());
        this.tally = tally;
    }

    /** Sends one request, timed from {@code start}, and tallies its answer. */
    void send(long start) {
        try {
            int status = connection.send(sample.reset(start));
            tally.answered(status, sample);
        } catch (IOException e) {
            tally.failed(System.nanoTime());
            pause();
        }
    }

    /** Closes the connection, failing a request in flight. */
    void abort() {
        connection.close();
    }

    /** A refused or reset connection fails at once: without a pause the loop would spin on the core the mock needs. */
    private void pause() {
        if (tally.aborted()) {
            return;
        }
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
