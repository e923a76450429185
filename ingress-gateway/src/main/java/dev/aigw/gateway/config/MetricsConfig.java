package dev.aigw.gateway.config;

import dev.aigw.servicekit.config.Settings;
import java.util.List;

/**
 * What the metrics carry.
 *
 * @param perPersonLabels whether interception, prompt and token counters carry the user id as {@code initiator_id}:
 *                        one series per person and model, so off by default
 */
public record MetricsConfig(boolean perPersonLabels) {
    /** Reads the metrics options. */
    static MetricsConfig from(Settings s, List<String> problems) {
        return new MetricsConfig(s.bool("METRICS_PER_PERSON_LABELS", false, problems));
    }
}
