package dev.aigw.gateway.proxy;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ends reads of upstream bodies that stall. A reader blocked on a provider that stopped sending has no timeout of its
 * own, so one ticker thread interrupts any reader that has not been {@linkplain Watched#touch() touched} for the idle
 * limit; the interrupted read fails and the reader sees {@link Watched#expired()}.
 */
final class IdleWatch {
    private final long idleNanos;
    private final Set<Watched> active = ConcurrentHashMap.newKeySet();

    IdleWatch(Duration idle) {
        this.idleNanos = idle.toNanos();
        long tick = Math.clamp(idle.toMillis() / 10, 10, 1000);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "upstream-idle-watch");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::expireStalled, tick, tick, TimeUnit.MILLISECONDS);
    }

    /** Starts watching reads made by the calling thread. */
    Watched watch() {
        Watched watched = new Watched(Thread.currentThread());
        active.add(watched);
        return watched;
    }

    private void expireStalled() {
        long now = System.nanoTime();
        for (Watched watched : active) {
            if (now - watched.lastRead > idleNanos) {
                watched.expire();
            }
        }
    }

    /** The reads of one body by one thread. */
    final class Watched implements AutoCloseable {
        private final Thread reader;
        private volatile long lastRead = System.nanoTime();
        private boolean expired;
        private boolean closed;

        private Watched(Thread reader) {
            this.reader = reader;
        }

        /** Records that bytes arrived. */
        void touch() {
            lastRead = System.nanoTime();
        }

        /** Whether the body stalled past the limit and its read was interrupted. */
        synchronized boolean expired() {
            return expired;
        }

        private synchronized void expire() {
            if (!closed && !expired) {
                expired = true;
                reader.interrupt();
            }
            active.remove(this);
        }

        /** Stops watching; clears an interrupt this watch caused, so the reader can still answer its client. */
        @Override
        public synchronized void close() {
            closed = true;
            active.remove(this);
            if (expired) {
                Thread.interrupted();
            }
        }
    }
}
