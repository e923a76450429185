package dev.aigw.gateway.config;

import dev.aigw.schemas.Topics;
import dev.aigw.servicekit.config.Settings;
import dev.aigw.control.MasterKey;
import dev.aigw.servicekit.kafka.KafkaReplication;
import java.util.List;
import java.util.Optional;

/**
 * The control plane this node follows.
 *
 * @param adminToken      bootstrap admin credential, if set
 * @param masterKey       the operator's master key, sealing provider secrets on the provider topic
 * @param keysTopic       compacted topic of gateway keys
 * @param providersTopic  compacted topic of provider configuration
 * @param reseedProviders whether the configured providers overwrite differing ones on the topic
 * @param replication     replication of the control topics when this node creates them, and their floor
 */
public record ControlConfig(Optional<String> adminToken, MasterKey masterKey, String keysTopic, String providersTopic,
                            boolean reseedProviders, KafkaReplication replication) {
    /**
     * Reads {@code ADMIN_TOKEN}, {@code MASTER_KEY[_PREVIOUS]}, {@code CONTROL_*_TOPIC}, {@code RESEED_PROVIDERS} and
     * {@code KAFKA_REPLICATION_FACTOR}/{@code KAFKA_MIN_INSYNC_REPLICAS}.
     */
    static ControlConfig from(Settings s, List<String> problems) {
        return new ControlConfig(s.get("ADMIN_TOKEN"), MasterKey.fromSettings(s, problems),
                s.get("CONTROL_KEYS_TOPIC", Topics.CONTROL_KEYS), s.get("CONTROL_PROVIDERS_TOPIC", Topics.CONTROL_PROVIDERS),
                s.bool("RESEED_PROVIDERS", false, problems), KafkaReplication.from(s, problems));
    }

    @Override
    public String toString() {
        return "ControlConfig[masterKey=" + masterKey.id() + ", topics=" + keysTopic + "," + providersTopic
                + (reseedProviders ? ", reseed" : "") + ", " + replication + "]";
    }
}
