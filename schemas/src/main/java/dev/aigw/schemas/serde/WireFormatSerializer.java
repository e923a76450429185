package dev.aigw.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.aigw.schemas.Topics;
import dev.aigw.schemas.registry.SchemaRegistryClient;
import dev.aigw.schemas.registry.SchemaRegistryException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes the wire-format header and the Avro binary body.
 *
 * <p>Everything costly is built once: the schema, the datum writer and, per topic, the registry id. What is left per call
 * is the output buffer and a direct (unbuffered) encoder of a few dozen bytes. No thread-local reuse on purpose: callers
 * run on virtual threads, one per request, so a per-thread cache would be filled once and thrown away.
 */
final class WireFormatSerializer<T extends SpecificRecord> implements Serializer<T> {
    private static final int INITIAL_BUFFER = 512;

    private final SchemaRegistryClient client;
    private final Schema schema;
    private final DatumWriter<T> writer;
    private final Map<String, Integer> idsByTopic = new ConcurrentHashMap<>();

    WireFormatSerializer(SchemaRegistryClient client, Schema schema, SpecificData model) {
        this.client = client;
        this.schema = schema;
        this.writer = new SpecificDatumWriter<>(schema, model);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        int id = idsByTopic.computeIfAbsent(topic, this::register);
        ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_BUFFER);
        out.write(WireFormat.MAGIC_BYTE);
        out.write(id >>> 24);
        out.write(id >>> 16);
        out.write(id >>> 8);
        out.write(id);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(data, encoder);
        } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
            // Avro reports a record that does not fit its schema (a null in a non-null field, say) with these.
            throw new SerializationException("Cannot serialize " + schema.getFullName() + " for topic " + topic + ": " + e, e);
        }
        return out.toByteArray();
    }

    private int register(String topic) {
        String subject = Topics.valueSubject(topic);
        try {
            return client.register(subject, schema);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Cannot register the schema of " + schema.getFullName() + " under subject "
                    + subject + " for topic " + topic + ": " + e.getMessage(), e);
        }
    }
}
