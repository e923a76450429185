package dev.aigw.query;

import dev.aigw.control.ControlState;
import dev.aigw.control.GatewayKeys;
import dev.aigw.control.ProviderSettings;
import dev.aigw.control.TopicView;
import dev.aigw.control.v1.KeyEvent;
import dev.aigw.control.v1.KeyIssued;
import dev.aigw.control.v1.KeyRole;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Both control topics in memory: a write is in the views when it returns, as {@code ControlPlane}'s is once its view
 * has read it back, and a provider is kept as opened (sealing is the control plane's, tested there). Lets the routes
 * that read keys and manage keys and providers be served without Kafka.
 */
final class MemoryControl implements ControlState<ProviderSettings> {
    private final MemoryView<KeyEvent> keys = new MemoryView<>(new ConcurrentHashMap<>());
    private final MemoryView<ProviderSettings> providers = new MemoryView<>(new ConcurrentHashMap<>());

    /** Issues a key that never expires, as an admin would have; returns the full key, its holder's credential. */
    String issue(String userId, String username, KeyRole role, Instant createdAt) {
        GatewayKeys.NewKey key = GatewayKeys.generate();
        publish(new KeyEvent(key.id(), new KeyIssued(userId, username, role, "laptop", createdAt, null,
                ByteBuffer.wrap(GatewayKeys.hash(key.secret())), GatewayKeys.hint(key.full()))));
        return key.full();
    }

    @Override
    public TopicView<KeyEvent> keys() {
        return keys;
    }

    @Override
    public TopicView<ProviderSettings> providers() {
        return providers;
    }

    @Override
    public void publish(KeyEvent key) {
        keys.values().put(key.getKeyId(), key);
    }

    @Override
    public void publish(ProviderSettings provider, String updatedBy) {
        providers.values().put(provider.name(), provider);
    }

    @Override
    public void deleteProvider(String name) {
        providers.values().remove(name);
    }

    private record MemoryView<V>(Map<String, V> values) implements TopicView<V> {
        @Override
        public Optional<V> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public Map<String, V> snapshot() {
            return Map.copyOf(values);
        }
    }
}
