package dev.aigw.testkit.avro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Avro's single-object encoding of a generated record as a Kafka serde: what topology tests feed a
 * {@code TopologyTestDriver} in place of the registry's wire format, which needs a registry.
 */
public final class SingleObject {
    private SingleObject() {
    }

    /** The serde of {@code type}; reading bytes that are not one encoded {@code type} is a {@link SerializationException}. */
    public static <T extends SpecificRecord> Serde<T> serde(Class<T> type) {
        var schema = SpecificData.get().getSchema(type);
        var encoder = new BinaryMessageEncoder<T>(SpecificData.get(), schema);
        var decoder = new BinaryMessageDecoder<T>(SpecificData.get(), schema);
        return Serdes.serdeFrom((topic, record) -> encode(encoder, record), (topic, data) -> {
            try {
                return decoder.decode(data);
            } catch (IOException | AvroRuntimeException e) {
                throw new SerializationException("not a single-object encoded " + type.getSimpleName() + ": "
                        + e.getMessage(), e);
            }
        });
    }

    private static <T> byte[] encode(BinaryMessageEncoder<T> encoder, T record) {
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
