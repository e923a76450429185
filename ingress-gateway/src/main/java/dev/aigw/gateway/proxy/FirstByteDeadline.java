package dev.aigw.gateway.proxy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Ends a call whose answer's headers have not arrived by the first-byte deadline, however it is held up. A read
 * waiting for them times out by itself, but a request written to a provider that stopped reading would wait for ever;
 * so one ticker thread interrupts a caller past its deadline, which closes the socket a virtual thread is blocked on.
 * Calls only join and leave a set, so the deadline costs a call no thread hand-off.
 */
final class FirstByteDeadline implements AutoCloseable {
    private final long limitNanos;
    private final Set<Call> active = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "upstream-first-byte-deadline");
        t.setDaemon(true);
        return t;
    });

    FirstByteDeadline(Duration limit) {
        this.limitNanos = limit.toNanos();
        long tick = Math.clamp(limit.toMillis() / 10, 10, 1000);
        ticker.scheduleWithFixedDelay(this::expirePast, tick, tick, TimeUnit.MILLISECONDS);
    }

    /**
     * What {@code call} returns, with what it throws as the I/O failure it stands for: a failure after the deadline as
     * a {@link SocketTimeoutException}, unless connecting timed out by itself.
     */
    <T> T apply(Supplier<T> call) throws IOException {
        Call watched = new Call(Thread.currentThread(), System.nanoTime() + limitNanos);
        active.add(watched);
        try {
            return call.get();
        } catch (RuntimeException e) {
            IOException failure = ClientErrors.checked(e);
            if (failure instanceof ClientErrors.ConnectTimeout || !watched.expired()) {
                throw failure;
            }
            SocketTimeoutException timeout = new SocketTimeoutException("no answer by the first-byte deadline");
            timeout.initCause(failure);
            throw timeout;
        } finally {
            active.remove(watched);
            watched.end();
        }
    }

    /** Stops the ticker. */
    @Override
    public void close() {
        ticker.shutdownNow();
    }

    private void expirePast() {
        long now = System.nanoTime();
        for (Call call : active) {
            if (now - call.deadline > 0) {
                call.expire();
            }
        }
    }

    /** One caller until its answer's headers are in. */
    private static final class Call {
        private final Thread caller;
        private final long deadline;
        private boolean expired;
        private boolean ended;

        Call(Thread caller, long deadline) {
            this.caller = caller;
            this.deadline = deadline;
        }

        synchronized boolean expired() {
            return expired;
        }

        synchronized void expire() {
            if (!ended && !expired) {
                expired = true;
                caller.interrupt();
            }
        }

        // An interrupt that came as the call returned would fail the next blocking step of a call that went well.
        synchronized void end() {
            ended = true;
            if (expired) {
                Thread.interrupted();
            }
        }
    }
}
