package dev.aigw.control;

import dev.aigw.control.v1.KeyEvent;
import dev.aigw.control.v1.ProviderRecord;
import dev.aigw.servicekit.kafka.KafkaReplication;
import dev.aigw.schemas.registry.SchemaRegistryClient;
import dev.aigw.schemas.serde.WireFormatSerde;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Both control topics of one service: live views of keys and providers, and publishers that return once their write
 * is visible in the views.
 *
 * @param <P> what the service keeps per provider, made from the opened settings once per change (never per request)
 */
public final class ControlPlane<P> implements ControlState<P>, AutoCloseable {
    private final CompactedTopicView<KeyEvent> keys;
    private final CompactedTopicView<P> providers;
    private final ControlPublisher<KeyEvent> keyPublisher;
    private final ControlPublisher<ProviderRecord> providerPublisher;
    private final ProviderSealing sealing;

    private ControlPlane(Settings s, Function<ProviderSettings, P> provider) {
        ControlTopics.ensure(s.kafkaBootstrap(), s.replication(), s.keysTopic(), s.providersTopic());
        SchemaRegistryClient registry = SchemaRegistryClient.create(s.schemaRegistryUrl());
        var keySerde = WireFormatSerde.create(registry, KeyEvent.class);
        var providerSerde = WireFormatSerde.create(registry, ProviderRecord.class);
        this.sealing = new ProviderSealing(s.masterKey());
        this.keys = CompactedTopicView.start(s.kafkaBootstrap(), s.keysTopic(),
                (key, bytes) -> keySerde.deserializer().deserialize(s.keysTopic(), bytes));
        this.providers = CompactedTopicView.start(s.kafkaBootstrap(), s.providersTopic(),
                (key, bytes) -> provider.apply(sealing.open(providerSerde.deserializer().deserialize(s.providersTopic(), bytes))));
        this.keyPublisher = new ControlPublisher<>(s.kafkaBootstrap(), s.keysTopic(), keySerde.serializer(), keys);
        this.providerPublisher = new ControlPublisher<>(s.kafkaBootstrap(), s.providersTopic(), providerSerde.serializer(),
                providers);
    }

    /**
     * Where the control topics are and the master key their secrets are sealed with.
     *
     * @param kafkaBootstrap    Kafka bootstrap servers
     * @param schemaRegistryUrl Confluent-compatible schema registry
     * @param keysTopic         gateway keys topic
     * @param providersTopic    provider configuration topic
     * @param masterKey         the operator's master key
     * @param replication       replication of the control topics when this service creates them, and their floor
     */
    public record Settings(String kafkaBootstrap, URI schemaRegistryUrl, String keysTopic, String providersTopic,
                           MasterKey masterKey, KafkaReplication replication) {
    }

    /** Starts following both topics (creating them when absent); call {@link #awaitReady} before serving. */
    public static <P> ControlPlane<P> start(Settings settings, Function<ProviderSettings, P> provider) {
        return new ControlPlane<>(settings, provider);
    }

    /**
     * Waits until both topics are read to their end, then fails with one line per provider the master key does not
     * open: a node must not start with garbage upstream credentials.
     */
    public void awaitReady(Duration timeout) {
        keys.awaitReady(timeout);
        providers.awaitReady(timeout);
        Map<String, String> failures = providers.failures();
        if (!failures.isEmpty()) {
            throw new SealingException("cannot open provider configuration from the control topic:\n" + failures.entrySet()
                    .stream().map(e -> "provider " + e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n")));
        }
    }

    /** Whether both views have caught up with their topics. */
    public boolean ready() {
        return keys.ready() && providers.ready();
    }

    @Override
    public CompactedTopicView<KeyEvent> keys() {
        return keys;
    }

    @Override
    public CompactedTopicView<P> providers() {
        return providers;
    }

    @Override
    public void publish(KeyEvent key) {
        keyPublisher.put(key.getKeyId(), key);
    }

    /** Seals the provider's secrets under the master key and publishes it. */
    @Override
    public void publish(ProviderSettings provider, String updatedBy) {
        providerPublisher.put(provider.name(), sealing.seal(provider, Instant.now(), updatedBy));
    }

    /** Deletes a provider with a tombstone. */
    @Override
    public void deleteProvider(String name) {
        providerPublisher.delete(name);
    }

    @Override
    public void close() {
        keyPublisher.close();
        providerPublisher.close();
        keys.close();
        providers.close();
    }
}
