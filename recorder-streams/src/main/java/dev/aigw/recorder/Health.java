package dev.aigw.recorder;

import dev.aigw.recorder.store.RowSink;
import dev.aigw.recorder.topology.Counters;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import java.util.EnumSet;
import org.apache.kafka.streams.KafkaStreams;

/** {@code /health/live} and {@code /health/ready}, with what the Streams app and the sink are doing as details. */
final class Health {
    private static final EnumSet<KafkaStreams.State> DEAD = EnumSet.of(KafkaStreams.State.PENDING_ERROR,
            KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_SHUTDOWN, KafkaStreams.State.NOT_RUNNING);

    private final KafkaStreams streams;
    private final RowSink sink;
    private final Counters counters;

    Health(KafkaStreams streams, RowSink sink, Counters counters) {
        this.streams = streams;
        this.sink = sink;
        this.counters = counters;
    }

    WebServer server(String host, int port) {
        return WebServer.builder()
                .host(host)
                .port(port)
                .addFeature(ObserveFeature.just(HealthObserver.builder()
                        .endpoint("/health")
                        .details(true)
                        .addCheck(this::readiness, HealthCheckType.READINESS, "recorder")
                        .addCheck(this::liveness, HealthCheckType.LIVENESS, "recorder")
                        .build()))
                .build()
                .start();
    }

    // Ready while events flow into Cassandra; a sink retrying against a Cassandra that is down is alive but not ready.
    private HealthCheckResponse readiness() {
        RowSink.Status s = sink.status();
        return details(HealthCheckResponse.builder()
                .status(streams.state() == KafkaStreams.State.RUNNING && s.running() && !s.retrying()));
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
