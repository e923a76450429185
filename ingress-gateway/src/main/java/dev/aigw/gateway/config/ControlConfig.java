package dev.aigw.gateway.config;

import dev.aigw.schemas.control.MasterKey;
import java.util.Optional;

/**
 * The control plane this node follows.
 *
 * @param adminToken      bootstrap admin credential, if set
 * @param masterKey       the operator's master key, sealing provider secrets on the provider topic
 * @param keysTopic       compacted topic of gateway keys
 * @param providersTopic  compacted topic of provider configuration
 * @param reseedProviders whether the environment's providers overwrite differing ones on the topic
 */
public record ControlConfig(Optional<String> adminToken, MasterKey masterKey, String keysTopic, String providersTopic,
                            boolean reseedProviders) {
    @Override
    public String toString() {
        return "ControlConfig[masterKey=" + masterKey.id() + ", topics=" + keysTopic + "," + providersTopic
                + (reseedProviders ? ", reseed" : "") + "]";
    }
}
