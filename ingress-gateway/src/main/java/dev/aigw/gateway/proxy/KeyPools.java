package dev.aigw.gateway.proxy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One key pool per provider, started afresh when the provider's keys change on the control plane. */
final class KeyPools {
    private final Map<String, KeyPool> pools = new ConcurrentHashMap<>();
    private final Clock clock;

    KeyPools(Clock clock) {
        this.clock = clock;
    }

    /** The pool of provider {@code name}, which now has {@code keys}. */
    KeyPool of(String name, List<String> keys) {
        return pools.compute(name, (n, pool) -> pool != null && pool.keys().equals(keys) ? pool : new KeyPool(keys, clock));
    }
}
