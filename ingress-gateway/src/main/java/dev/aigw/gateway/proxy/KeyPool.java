package dev.aigw.gateway.proxy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The centralized keys of one provider, in configured order, and which of them may be used now. A key the provider
 * rate-limits cools down for as long as the provider asks (never shortened by a later, shorter answer); a key it
 * refuses is left out until the node restarts or the provider's keys change. State is per node.
 */
final class KeyPool {
    private final List<String> keys;
    private final Clock clock;
    private final Map<String, Instant> coolingUntil = new ConcurrentHashMap<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    KeyPool(List<String> keys, Clock clock) {
        this.keys = List.copyOf(keys);
        this.clock = clock;
    }

    List<String> keys() {
        return keys;
    }

    /** The keys to try now, primary first. */
    List<String> usable() {
        Instant now = clock.instant();
        return keys.stream()
                .filter(k -> !refused.contains(k))
                .filter(k -> !coolingUntil.getOrDefault(k, Instant.MIN).isAfter(now))
                .toList();
    }

    void rateLimited(String key, Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        coolingUntil.merge(key, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    void refused(String key) {
        refused.add(key);
    }

    /** How long until a cooling key may be used again; empty when every key is refused. */
    Optional<Duration> nextFree() {
        Instant now = clock.instant();
        return keys.stream()
                .filter(k -> !refused.contains(k))
                .map(k -> Duration.between(now, coolingUntil.getOrDefault(k, now)))
                .min(Duration::compareTo);
    }
}
