package dev.aigw.gateway.sink;

import dev.aigw.gateway.config.AuditFailureMode;
import io.helidon.health.HealthCheckResponse;
import java.util.Locale;

/** Readiness of the event sink: Kafka reachable or the spool writable (always ready in open mode), with its numbers. */
public final class SinkHealth {
    /** Name of the check under {@code /health/ready}. */
    public static final String NAME = "events";

    private SinkHealth() {
    }

    /** The sink's current state. */
    public static HealthCheckResponse check(DurableSink sink) {
        return HealthCheckResponse.builder()
                .status(sink.config().failureMode() == AuditFailureMode.OPEN || sink.canRecord())
                .detail("kafka", sink.kafkaKeepsUp() ? "keeping up" : "behind: spooling")
                .detail("queued_events", sink.queuedEvents())
                .detail("spooled_events", sink.spooledEvents())
                .detail("spool_bytes", sink.spoolBytes())
                .detail("spool_max_bytes", sink.config().maxBytes())
                .detail("dropped_events", sink.droppedEvents())
                .detail("refused_interceptions", sink.refusedInterceptions())
                .detail("audit_failure_mode", sink.config().failureMode().name().toLowerCase(Locale.ROOT))
                .build();
    }
}
