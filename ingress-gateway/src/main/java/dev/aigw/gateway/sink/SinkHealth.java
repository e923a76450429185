package dev.aigw.gateway.sink;

import dev.aigw.gateway.config.AuditFailureMode;
import io.helidon.health.HealthCheckResponse;
import java.util.Locale;

/**
 * Readiness of the event sink, with its numbers. In closed mode the node is ready while its events have somewhere to go
 * (Kafka keeps up, or the spool has room and is writable) and get somewhere (the spool's oldest record has not waited
 * longer than {@code SPOOL_STALL_TIMEOUT}); in open mode it is always ready and a stall shows only in the details.
 */
public final class SinkHealth {
    /** Name of the check under {@code /health/ready}. */
    public static final String NAME = "events";

    private SinkHealth() {
    }

    /** The sink's current state. */
    public static HealthCheckResponse check(DurableSink sink) {
        return HealthCheckResponse.builder()
                .status(sink.config().failureMode() == AuditFailureMode.OPEN || sink.canRecord() && !sink.stalled())
                .detail("kafka", sink.kafkaKeepsUp() ? "keeping up" : "behind: spooling")
                .detail("delivery", sink.stalled() ? "stalled" : "flowing")
                .detail("head_waiting_seconds", sink.headWaiting().toSeconds())
                .detail("head_failures", sink.headFailures())
                .detail("dead_lettered_events", deadLettered(sink))
                .detail("queued_events", sink.queuedEvents())
                .detail("spooled_events", sink.spooledEvents())
                .detail("spool_bytes", sink.spoolBytes())
                .detail("spool_max_bytes", sink.config().maxBytes())
                .detail("dropped_events", sink.droppedEvents())
                .detail("refused_interceptions", sink.refusedInterceptions())
                .detail("audit_failure_mode", sink.config().failureMode().name().toLowerCase(Locale.ROOT))
                .build();
    }

    private static long deadLettered(DurableSink sink) {
        long total = 0;
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            total += sink.deadLetteredEvents(reason);
        }
        return total;
    }
}
