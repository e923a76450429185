package dev.aigw.gateway.intercept;

import dev.aigw.events.v1.InterceptionEnded;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.events.v1.Payload;
import dev.aigw.gateway.sink.EventSink;
import dev.aigw.schemas.bounds.AuditBounds;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/** One intercepted request: stamps each of its facts with ids, sequence and time, and hands them to the sink. */
public final class Interception {
    private final String id;
    private final Instant startedAt;
    private final String nodeId;
    private final EventSink sink;
    private final Clock clock;
    private final AtomicInteger seq = new AtomicInteger();

    private Interception(String id, Instant startedAt, String nodeId, EventSink sink, Clock clock) {
        this.id = id;
        this.startedAt = startedAt;
        this.nodeId = nodeId;
        this.sink = sink;
        this.clock = clock;
    }

    /** Begins an interception now with a fresh id. */
    public static Interception begin(String nodeId, EventSink sink, Clock clock) {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(sink, "sink");
        Instant now = clock.instant();
        return new Interception(Ids.next(now.toEpochMilli()), now, nodeId, sink, clock);
    }

    /** The interception id, also shown to the client. */
    public String id() {
        return id;
    }

    /** Records the end: how it went, the provider's status if it answered, and the error if any. */
    public void end(InterceptionStatus status, Integer upstreamStatus, String errorType, String error) {
        record(new Payload.Ended(new InterceptionEnded(status, upstreamStatus, errorType, error)));
    }

    /**
     * Records one fact, the event's payload. Every event is cut to {@link AuditBounds} here,
     * the one place events are built, so whatever a client sends, the sink, the log line and Kafka get a bounded event.
     */
    public void record(Payload payload) {
        Instant now = clock.instant();
        sink.emit(AuditBounds.apply(InterceptionEvent.newBuilder()
                .setEventId(Ids.next(now.toEpochMilli()))
                .setInterceptionId(id)
                .setSeq(seq.getAndIncrement())
                .setOccurredAt(now)
                .setInterceptionStartedAt(startedAt)
                .setGatewayNode(nodeId)
                .setPayload(payload.avro())
                .build()));
    }
}
