package dev.aigw.bench.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many streaming requests held open at once, each on its own connection and virtual thread, so a target's memory can be
 * measured under them. Streams are read (and their bytes dropped) until they end or {@link #close()}.
 */
public final class OpenStreams implements AutoCloseable {
    /**
     * Streams waiting for their first byte at once. Bounding them ramps the streams up without a burst of connects
     * that could overflow the target's listen backlog (often 128 to 511) and leave SYNs to be retried a second later.
     */
    private static final int RAMP = 128;

    private final List<HttpConnection> connections = new ArrayList<>();
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("stream-", 0).factory());
    private final Semaphore ramp = new Semaphore(RAMP);
    private final CountDownLatch settled;
    private final AtomicInteger established = new AtomicInteger();
    private final AtomicInteger live = new AtomicInteger();

    private OpenStreams(Call call, int count) {
        settled = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            HttpConnection connection = new HttpConnection(call);
            connections.add(connection);
            threads.execute(() -> read(connection));
        }
    }

    /**
     * Opens {@code count} streams and returns once each has received its first body byte or failed, or once
     * {@code timeout} has passed; streams still opening then go on opening.
     */
    public static OpenStreams open(Call call, int count, Duration timeout) {
        OpenStreams streams = new OpenStreams(call, count);
        try {
            streams.settled.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return streams;
    }

    /** Streams that received their first body byte, whether or not they have ended since. */
    public int established() {
        return established.get();
    }

    /** Streams that received their first body byte and have not ended. */
    public int live() {
        return live.get();
    }

    /** Aborts every stream by closing its connection, and waits for their threads to end. */
    @Override
    public void close() {
        connections.forEach(HttpConnection::close);
        threads.close();
    }

    private void read(HttpConnection connection) {
        Stream stream = new Stream();
        ramp.acquireUninterruptibly();
        try {
            connection.send(stream);
        } catch (IOException e) {
            // a stream that fails is simply not established; close() ends the others the same way
        } finally {
            stream.settle();
            if (stream.started) {
                live.decrementAndGet();
            }
        }
    }

    /** Drops a stream's bytes, noting the first. */
    private final class Stream implements Receiver {
        boolean started;
        boolean settled;

        @Override
        public void bytes(byte[] buf, int offset, int length, long arrivedAt) {
            if (!started) {
                started = true;
                established.incrementAndGet();
                live.incrementAndGet();
                settle();
            }
        }

        @Override
        public void end(long arrivedAt) {
            settle();
        }

        /** Lets the next stream open: this one has its first byte, ended or failed. */
        void settle() {
            if (!settled) {
                settled = true;
                ramp.release();
                OpenStreams.this.settled.countDown();
            }
        }
    }
}
