package dev.aigw.connect;

import dev.aigw.schemas.registry.SchemaRegistryClient;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;

/**
 * Reads the Confluent wire format (byte 0, a 4-byte schema id, Avro binary) with schemas from a Confluent-compatible
 * registry, into Connect's structs ({@link AvroToConnect} says how), using the project's registry client rather than
 * Confluent's jars. Reading only: a sink connector needs nothing else, and {@link #fromConnectData} refuses.
 *
 * <pre>
 * value.converter=dev.aigw.connect.WireFormatConverter
 * value.converter.schema.registry.url=http://registry:8085
 * </pre>
 */
public final class WireFormatConverter implements Converter {
    /** The registry's base URL; the same name as Confluent's converter takes. */
    public static final String REGISTRY_URL_CONFIG = "schema.registry.url";

    private static final byte MAGIC_BYTE = 0;
    private static final int HEADER_SIZE = 5;
    private static final ConfigDef CONFIG = new ConfigDef()
            .define(REGISTRY_URL_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.Importance.HIGH,
                    "Base URL of the Confluent-compatible schema registry the values' schemas are registered in.");

    private final Map<Integer, Reader> readers = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;

    /** A writer schema ready to read values with, and its Connect schema. */
    private record Reader(org.apache.avro.Schema avro, Schema connect, GenericDatumReader<Object> datum) {
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object url = CONFIG.parse(configs).get(REGISTRY_URL_CONFIG);
        registry = SchemaRegistryClient.create(URI.create(url.toString()));
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        throw new DataException("dev.aigw.connect.WireFormatConverter only reads; a sink connector never writes with it");
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        if (value.length < HEADER_SIZE || buffer.get() != MAGIC_BYTE) {
            throw new DataException("a record of " + topic + " is not in the Confluent wire format (magic byte 0 and a"
                    + " schema id): " + value.length + " bytes");
        }
        int id = buffer.getInt();
        try {
            Reader reader = readers.computeIfAbsent(id, this::reader);
            Object avro = reader.datum().read(null, DecoderFactory.get().binaryDecoder(value, HEADER_SIZE,
                    value.length - HEADER_SIZE, null));
            return new SchemaAndValue(reader.connect(), AvroToConnect.value(reader.avro(), reader.connect(), avro));
        } catch (IOException | RuntimeException e) {
            throw new DataException("cannot read a record of " + topic + " with schema id " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
    }

    private Reader reader(int id) {
        org.apache.avro.Schema avro = registry.schemaById(id);
        return new Reader(avro, AvroToConnect.schema(avro), new GenericDatumReader<>(avro));
    }
}
