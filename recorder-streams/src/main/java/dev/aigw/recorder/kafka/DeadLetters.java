package dev.aigw.recorder.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** The headers a dead letter carries: why it was refused and where it came from. */
public final class DeadLetters {
    /** Machine-readable reason: {@code undecodable}, {@code invalid}, {@code conflict}, {@code late}, {@code too_many_events}. */
    public static final String REASON = "aigw.dlq.reason";
    /** Human-readable detail; never quotes the event's content. */
    public static final String DETAIL = "aigw.dlq.detail";
    /** Topic, partition and offset of the original record. */
    public static final String TOPIC = "aigw.dlq.topic";
    /** See {@link #TOPIC}. */
    public static final String PARTITION = "aigw.dlq.partition";
    /** See {@link #TOPIC}. */
    public static final String OFFSET = "aigw.dlq.offset";

    private DeadLetters() {
    }

    /** The original headers plus the dead-letter ones. */
    public static Headers headers(Headers original, String reason, String detail, RecordMetadata from) {
        Headers headers = new RecordHeaders(original.toArray());
        add(headers, REASON, reason);
        add(headers, DETAIL, detail == null ? reason : detail);
        if (from != null) {
            add(headers, TOPIC, from.topic());
            add(headers, PARTITION, Integer.toString(from.partition()));
            add(headers, OFFSET, Long.toString(from.offset()));
        }
        return headers;
    }

    public static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
