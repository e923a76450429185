package dev.aigw.gateway.dump;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one dump's file writes in order, off the thread that relays the call, so a slow or full disk never holds up
 * the client. The first failure abandons the dump with one warning; so does falling too far behind.
 */
final class DumpWriter {
    private static final Logger LOG = Logger.getLogger(DumpWriter.class.getName());
    // Bytes copied for the dump and not yet written, beyond which the disk is not keeping up and the dump is given up.
    private static final long MAX_PENDING_BYTES = 16L * 1024 * 1024;

    private final Executor executor;
    private final String where;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicBoolean abandoned = new AtomicBoolean();

    /** A writer running its tasks one after the other on {@code executor}; {@code where} names the dump in warnings. */
    DumpWriter(Executor executor, String where) {
        this.executor = executor;
        this.where = where;
    }

    /** An executor of one virtual thread, started on demand and ended when idle, so nothing needs closing. */
    static Executor ownThread() {
        return new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Thread.ofVirtual().name("api-dump").factory());
    }

    /** A write holding {@code bytes} bytes copied for it, skipped once the dump is abandoned. */
    void write(long bytes, Task task) {
        if (abandoned.get()) {
            return;
        }
        if (pending.addAndGet(bytes) > MAX_PENDING_BYTES) {
            abandon("the disk does not keep up with the upstream");
            return;
        }
        executor.execute(() -> {
            try {
                if (!abandoned.get()) {
                    task.run();
                }
            } catch (IOException | RuntimeException e) {
                abandon(e.toString());
            } finally {
                pending.addAndGet(-bytes);
            }
        });
    }

    /** The last task, run even when the dump was abandoned: releases what the writes opened. */
    void finish(Task task) {
        executor.execute(() -> {
            try {
                task.run();
            } catch (IOException | RuntimeException e) {
                abandon(e.toString());
            }
        });
    }

    private void abandon(String reason) {
        if (abandoned.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "API dump in " + where + " abandoned, the request goes on: " + reason);
        }
    }

    /** A piece of file I/O. */
    @FunctionalInterface
    interface Task {
        /** Does the I/O. */
        void run() throws IOException;
    }
}
