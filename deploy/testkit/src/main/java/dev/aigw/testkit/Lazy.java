package dev.aigw.testkit;

import java.util.function.Supplier;

/** An engine made once, on first use, by whichever thread asks first; closing it lets a later use start it again. */
final class Lazy<T extends AutoCloseable> implements AutoCloseable {
    private final Supplier<T> factory;
    private T value;
    private RuntimeException failure;

    Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    synchronized T get() {
        if (failure != null) {
            throw new IllegalStateException("an earlier start failed", failure);
        }
        if (value == null) {
            try {
                value = factory.get();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            Shutdown.register(this);
        }
        return value;
    }

    @Override
    public synchronized void close() throws Exception {
        T closing = value;
        value = null;
        if (closing != null) {
            closing.close();
        }
    }

    @Override
    public synchronized String toString() {
        return String.valueOf(value);
    }
}
