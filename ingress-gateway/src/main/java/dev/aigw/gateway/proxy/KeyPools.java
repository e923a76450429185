package dev.aigw.gateway.proxy;

import dev.aigw.gateway.config.ProviderConfig;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One key pool per provider, started afresh when the provider's keys change on the control plane. */
final class KeyPools {
    private final Map<String, KeyPool> pools = new ConcurrentHashMap<>();
    private final Clock clock;

    KeyPools(Clock clock) {
        this.clock = clock;
    }

    KeyPool of(ProviderConfig provider) {
        return pools.compute(provider.name(), (name, pool) ->
                pool != null && pool.keys().equals(provider.keys()) ? pool : new KeyPool(provider.keys(), clock));
    }
}
