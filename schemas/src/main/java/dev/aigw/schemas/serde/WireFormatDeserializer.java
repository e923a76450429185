package dev.aigw.schemas.serde;

import java.io.IOException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.aigw.schemas.registry.SchemaRegistryClient;
import dev.aigw.schemas.registry.SchemaRegistryException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Checks the wire-format header, then reads the body with the writer schema named by its id, resolved against the
 * reader schema of {@code T} so that records written by older or newer compatible schemas decode.
 */
final class WireFormatDeserializer<T extends SpecificRecord> implements Deserializer<T> {
    private final SchemaRegistryClient client;
    private final Schema readerSchema;
    private final SpecificData model;
    // One reader per writer schema: building one computes the schema resolution, which is too costly per record.
    private final Map<Integer, DatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();

    WireFormatDeserializer(SchemaRegistryClient client, Schema readerSchema, SpecificData model) {
        this.client = client;
        this.readerSchema = readerSchema;
        this.model = model;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < WireFormat.HEADER_SIZE) {
            throw new SerializationException("Cannot deserialize " + data.length + " bytes from topic " + topic
                    + ": shorter than the 5-byte Confluent wire-format header");
        }
        if (data[0] != WireFormat.MAGIC_BYTE) {
            throw new SerializationException("Cannot deserialize from topic " + topic + ": unknown magic byte 0x"
                    + HexFormat.of().toHexDigits(data[0]) + ", expected 0x00 (Confluent wire format)");
        }
        int id = (data[1] & 0xff) << 24 | (data[2] & 0xff) << 16 | (data[3] & 0xff) << 8 | data[4] & 0xff;
        DatumReader<T> reader = readerFor(id, topic);
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null);
        try {
            return reader.read(null, decoder);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new SerializationException("Cannot decode " + readerSchema.getFullName() + " written with schema id " + id
                    + " from topic " + topic + " (" + data.length + " bytes): " + e, e);
        }
    }

    private DatumReader<T> readerFor(int id, String topic) {
        return readersByWriterId.computeIfAbsent(id, writerId -> {
            try {
                return new SpecificDatumReader<>(client.schemaById(writerId), readerSchema, model);
            } catch (SchemaRegistryException e) {
                throw new SerializationException("Cannot deserialize from topic " + topic + ": writer schema id " + writerId
                        + " is not available: " + e.getMessage(), e);
            }
        });
    }
}
