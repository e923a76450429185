package dev.aigw.recorder;

import dev.aigw.recorder.metrics.RecorderMetrics;
import dev.aigw.recorder.store.RowSink;
import dev.aigw.recorder.topology.Counters;
import dev.aigw.servicekit.serving.ServiceServer;
import io.helidon.health.HealthCheckResponse;
import io.helidon.webserver.WebServer;
import java.util.EnumSet;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code /health/live} and {@code /health/ready}, with what the Streams app and the sink are doing as details, and
 * {@code /metrics}. Readiness covers Cassandra (a sink that cannot write is retrying) and stalls ({@link Stalls}): a hop
 * stuck past the threshold makes the recorder not ready (503), with the reason under {@code stalled}.
 */
final class Health {
    private static final EnumSet<KafkaStreams.State> DEAD = EnumSet.of(KafkaStreams.State.PENDING_ERROR,
            KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_SHUTDOWN, KafkaStreams.State.NOT_RUNNING);

    private final KafkaStreams streams;
    private final RowSink sink;
    private final Counters counters;
    private final Stalls stalls;

    Health(KafkaStreams streams, RowSink sink, Counters counters, Stalls stalls) {
        this.streams = streams;
        this.sink = sink;
        this.counters = counters;
        this.stalls = stalls;
    }

    WebServer server(String host, int port, RecorderMetrics metrics) {
        return ServiceServer.builder(host, port, metrics::scrape)
                .readiness("recorder", this::readiness)
                .liveness("recorder", this::liveness)
                .start();
    }

    // Ready while events flow into Cassandra; a sink retrying against a Cassandra that is down is alive but not ready.
    private HealthCheckResponse readiness() {
        RowSink.Status s = sink.status();
        List<String> stuck = stalls.reasons();
        HealthCheckResponse.Builder builder = HealthCheckResponse.builder()
                .status(streams.state() == KafkaStreams.State.RUNNING && s.running() && !s.retrying() && stuck.isEmpty());
        if (!stuck.isEmpty()) {
            builder.detail("stalled", String.join("; ", stuck));
        }
        return details(builder);
    }

    private HealthCheckResponse liveness() {
        return details(HealthCheckResponse.builder().status(!DEAD.contains(streams.state()) && sink.status().running()));
    }

    private HealthCheckResponse details(HealthCheckResponse.Builder builder) {
        RowSink.Status s = sink.status();
        builder.detail("streams", streams.state().name())
                .detail("sink", s.retrying() ? "retrying" : s.running() ? "writing" : "stopped")
                .detail("rows_written", s.rowsWritten())
                .detail("events_not_recorded", counters.snapshot());
        if (s.lastError() != null) {
            builder.detail("sink_last_error", s.lastError());
        }
        return builder.build();
    }
}
