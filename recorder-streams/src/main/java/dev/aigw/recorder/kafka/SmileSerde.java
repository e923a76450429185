package dev.aigw.recorder.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import dev.aigw.servicekit.json.Json;
import java.io.IOException;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Smile (binary JSON) for the recorder's own records: state stores, repartition topics and the rows topic. These never
 * leave the recorder, so JSON's tolerance of added fields is all the evolution they need; unknown fields are ignored.
 *
 * <p>Why not JSON text: JSON escapes each control character to six bytes ({@code \u0001}), so a prompt within its
 * bound could grow sixfold in every derived copy and push a state or row past Kafka's record limit; Smile writes
 * strings as their UTF-8 bytes with a length, so a record's size follows its content ({@link RecordBounds}). Records
 * written as JSON text by earlier versions (in state stores, changelogs and the rows topic) are still read: Smile data
 * starts with its {@code :)} header, which no JSON text does.
 *
 * @param <T> the record type
 */
public final class SmileSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {
    private static final ObjectMapper MAPPER = Json.forStoredRecords(new SmileMapper());
    private static final ObjectMapper JSON = Json.forStoredRecords(new ObjectMapper());
    private static final byte SMILE_HEADER = ':';

    private final Class<T> type;
    private final ObjectWriter writer;
    private final ObjectReader reader;
    private final ObjectReader jsonReader;

    private SmileSerde(Class<T> type) {
        this.type = type;
        // writerFor keeps the type id of a polymorphic base type (AuditRow) whatever the runtime class.
        this.writer = MAPPER.writerFor(type);
        this.reader = MAPPER.readerFor(type);
        this.jsonReader = JSON.readerFor(type);
    }

    /** A serde of {@code type}. */
    public static <T> SmileSerde<T> of(Class<T> type) {
        return new SmileSerde<>(type);
    }

    @Override
    public byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        try {
            return writer.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " as Smile", e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return data.length > 0 && data[0] == SMILE_HEADER ? reader.readValue(data) : jsonReader.readValue(data);
        } catch (IOException e) {
            throw new SerializationException("cannot read " + type.getSimpleName() + " in " + topic, e);
        }
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
    }

    @Override
    public void close() {
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }
}
