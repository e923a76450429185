package dev.aigw.schemas.serde;

import static java.util.Objects.requireNonNull;

import dev.aigw.schemas.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for record values in the Confluent wire format, registering under {@code <topic>-value} (TopicNameStrategy).
 *
 * <p>Thread-safe; {@link #serializer()} and {@link #deserializer()} return the same instances every time so their caches
 * are shared. Closing it does not close the registry client, which the caller owns.
 *
 * @param <T> the generated Avro class; its schema is the writer schema when serializing and the reader schema when
 *            deserializing
 */
public final class WireFormatSerde<T extends SpecificRecord> implements Serde<T> {
    private final WireFormatSerializer<T> serializer;
    private final WireFormatDeserializer<T> deserializer;

    private WireFormatSerde(SchemaRegistryClient client, Schema schema, SpecificData model) {
        this.serializer = new WireFormatSerializer<>(client, schema, model);
        this.deserializer = new WireFormatDeserializer<>(client, schema, model);
    }

    /** A serde for the generated Avro class {@code type}. */
    public static <T extends SpecificRecord> WireFormatSerde<T> create(SchemaRegistryClient client, Class<T> type) {
        requireNonNull(client, "client");
        requireNonNull(type, "type");
        // The class's own model carries its logical-type conversions (timestamp-micros as Instant, say).
        SpecificData model = SpecificData.getForClass(type);
        return new WireFormatSerde<>(client, model.getSchema(type), model);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
