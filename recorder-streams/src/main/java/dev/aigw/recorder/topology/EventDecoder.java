package dev.aigw.recorder.topology;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.recorder.audit.RecordBounds;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes a record of the events topic, checks what the recorder relies on and cuts it to its bounds
 * ({@link RecordBounds}): whoever wrote the event, nothing the recorder derives from it can outgrow a hop's limits.
 */
final class EventDecoder {
    /** A dead-letter reason: the value is not an event in the Confluent wire format. */
    static final String UNDECODABLE = "undecodable";
    /** A dead-letter reason: the event breaks the event contract. */
    static final String INVALID = "invalid";

    private final Deserializer<InterceptionEvent> deserializer;
    private final String topic;

    EventDecoder(Deserializer<InterceptionEvent> deserializer, String topic) {
        this.deserializer = deserializer;
        this.topic = topic;
    }

    /** Either a valid event or why not. */
    sealed interface Decoded {
    }

    /** A valid event, within its bounds. */
    record Valid(InterceptionEvent event) implements Decoded {
    }

    /** Why the record cannot be recorded; {@code detail} never quotes the record's content. */
    record Invalid(String reason, String detail) implements Decoded {
    }

    Decoded decode(byte[] key, byte[] value) {
        if (value == null) {
            return new Invalid(INVALID, "the record has no value");
        }
        InterceptionEvent event;
        try {
            event = deserializer.deserialize(topic, value);
        } catch (RuntimeException e) {
            return new Invalid(UNDECODABLE, e.getMessage());
        }
        String problem = problem(key, event);
        return problem == null ? new Valid(RecordBounds.apply(event)) : new Invalid(INVALID, problem);
    }

    // Events are partitioned by interception id; a record keyed otherwise would be folded on the wrong task.
    private static String problem(byte[] key, InterceptionEvent event) {
        if (!isUuid(event.getInterceptionId())) {
            return "interception_id is not a UUID";
        }
        if (!isUuid(event.getEventId())) {
            return "event_id is not a UUID";
        }
        if (key == null || !event.getInterceptionId().equals(new String(key, StandardCharsets.UTF_8))) {
            return "the record key is not the interception_id";
        }
        if (event.getSeq() < 0) {
            return "seq is negative";
        }
        return null;
    }

    private static boolean isUuid(String s) {
        try {
            return UUID.fromString(s).toString().equalsIgnoreCase(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
