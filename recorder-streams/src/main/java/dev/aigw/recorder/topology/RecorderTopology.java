package dev.aigw.recorder.topology;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.recorder.store.AuditWriter;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;

/** Interception events in, audit rows out. */
public final class RecorderTopology {
    /** Name of the terminal processor that writes to the audit store. */
    public static final String WRITER = "audit-writer";

    private RecorderTopology() {
    }

    /** Builds the topology reading {@code topic} with the given value serde and writing through {@code writer}. */
    public static Topology build(String topic, Serde<InterceptionEvent> events, AuditWriter writer) {
        Objects.requireNonNull(writer, "writer");
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topic, Consumed.with(Serdes.String(), events))
                .filter((id, event) -> event != null)
                .process(() -> new WriterProcessor(writer), Named.as(WRITER));
        return builder.build();
    }

    /**
     * Writes each event synchronously, so an offset is committed only after its rows are in the store; a failed
     * write fails the task and the records are processed again from the last commit.
     */
    private static final class WriterProcessor implements Processor<String, InterceptionEvent, Void, Void> {
        private final AuditWriter writer;

        WriterProcessor(AuditWriter writer) {
            this.writer = writer;
        }

        @Override
        public void process(Record<String, InterceptionEvent> record) {
            writer.write(record.value());
        }
    }
}
