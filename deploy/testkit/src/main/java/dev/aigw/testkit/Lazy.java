package dev.aigw.testkit;

import java.util.function.Supplier;

/** A value made once, on first use, by whichever thread asks first; a failure is remembered and rethrown. */
final class Lazy<T> {
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
        }
        return value;
    }
}
