package dev.aigw.gateway.control;

import dev.aigw.control.ControlPlane;
import io.helidon.health.HealthCheckResponse;
import java.util.List;

/** Readiness of the node's control-plane views, with counts an operator alerts on (environment drift, unopenable providers). */
public final class ControlHealth {
    /** Name of the check under {@code /health/ready}. */
    public static final String NAME = "control-plane";

    private ControlHealth() {
    }

    /** The current state; {@code conflicts} are providers whose environment definition lost to the topic at start. */
    public static HealthCheckResponse check(ControlPlane<RoutedProvider> control, List<String> conflicts) {
        return HealthCheckResponse.builder()
                .status(control.ready())
                .detail("keys", control.keys().snapshot().size())
                .detail("providers", control.providers().snapshot().size())
                .detail("provider_env_conflicts", conflicts.size())
                .detail("provider_failures", control.providers().failures().size())
                .build();
    }
}
