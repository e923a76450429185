package dev.aigw.connect;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Avro schemas and generic values as Kafka Connect schemas and values, the way Confluent's {@code AvroConverter} shows
 * them, so connector configurations written for it read the same fields:
 * <ul>
 *   <li>a record is a {@link Struct} named by the record's full name;</li>
 *   <li>a union of null and one type is that type, optional;</li>
 *   <li>any other union (the event's {@code payload}) is a struct with one optional field per branch, named by the
 *       branch's simple name, of which only the value's own is set;</li>
 *   <li>enums are strings; {@code timestamp-micros} stays a number of microseconds (Connect's {@code Timestamp} holds
 *       milliseconds and would drop precision).</li>
 * </ul>
 * Pure: no registry, no I/O.
 */
final class AvroToConnect {
    /** The Connect schema name of a general union. */
    static final String UNION = "dev.aigw.connect.Union";

    private AvroToConnect() {
    }

    /** The Connect schema of {@code avro}. */
    static Schema schema(org.apache.avro.Schema avro) {
        return builder(avro).build();
    }

    /** {@code value}, read with {@code avro}, as a value of {@code connect} (which {@link #schema} gave for it). */
    static Object value(org.apache.avro.Schema avro, Schema connect, Object value) {
        if (value == null) {
            return null;
        }
        return switch (avro.getType()) {
            case RECORD -> {
                GenericRecord record = (GenericRecord) value;
                Struct struct = new Struct(connect);
                for (org.apache.avro.Schema.Field field : avro.getFields()) {
                    struct.put(field.name(), value(field.schema(), connect.field(field.name()).schema(), record.get(field.pos())));
                }
                yield struct;
            }
            case UNION -> union(avro, connect, value);
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                for (Object item : (Iterable<?>) value) {
                    items.add(value(avro.getElementType(), connect.valueSchema(), item));
                }
                yield items;
            }
            case MAP -> {
                Map<String, Object> entries = new LinkedHashMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> entries.put(k.toString(),
                        value(avro.getValueType(), connect.valueSchema(), v)));
                yield entries;
            }
            case STRING, ENUM -> value.toString();
            case BYTES -> bytes((ByteBuffer) value);
            case FIXED -> ((GenericData.Fixed) value).bytes().clone();
            case INT, LONG, FLOAT, DOUBLE, BOOLEAN -> value;
            case NULL -> null;
        };
    }

    private static SchemaBuilder builder(org.apache.avro.Schema avro) {
        return switch (avro.getType()) {
            case RECORD -> {
                SchemaBuilder struct = SchemaBuilder.struct().name(avro.getFullName());
                for (org.apache.avro.Schema.Field field : avro.getFields()) {
                    struct.field(field.name(), schema(field.schema()));
                }
                yield struct;
            }
            case UNION -> {
                org.apache.avro.Schema single = nullableOf(avro);
                if (single != null) {
                    yield builder(single).optional();
                }
                SchemaBuilder union = SchemaBuilder.struct().name(UNION);
                for (org.apache.avro.Schema branch : avro.getTypes()) {
                    if (branch.getType() != org.apache.avro.Schema.Type.NULL) {
                        union.field(branch.getName(), builder(branch).optional().build());
                    }
                }
                yield avro.getTypes().size() > union.fields().size() ? union.optional() : union;
            }
            case ARRAY -> SchemaBuilder.array(schema(avro.getElementType()));
            case MAP -> SchemaBuilder.map(Schema.STRING_SCHEMA, schema(avro.getValueType()));
            case STRING, ENUM -> SchemaBuilder.string();
            case BYTES, FIXED -> SchemaBuilder.bytes();
            case INT -> SchemaBuilder.int32();
            case LONG -> SchemaBuilder.int64();
            case FLOAT -> SchemaBuilder.float32();
            case DOUBLE -> SchemaBuilder.float64();
            case BOOLEAN -> SchemaBuilder.bool();
            case NULL -> throw new DataException("a lone null type has no Connect schema");
        };
    }

    private static Object union(org.apache.avro.Schema avro, Schema connect, Object value) {
        org.apache.avro.Schema branch = avro.getTypes().get(GenericData.get().resolveUnion(avro, value));
        if (nullableOf(avro) != null) {
            return value(branch, connect, value);
        }
        Struct union = new Struct(connect);
        union.put(branch.getName(), value(branch, connect.field(branch.getName()).schema(), value));
        return union;
    }

    // The other branch of a [null, T] or [T, null] union, or null for any other union.
    private static org.apache.avro.Schema nullableOf(org.apache.avro.Schema union) {
        List<org.apache.avro.Schema> types = union.getTypes();
        if (types.size() != 2) {
            return null;
        }
        if (types.get(0).getType() == org.apache.avro.Schema.Type.NULL) {
            return types.get(1);
        }
        return types.get(1).getType() == org.apache.avro.Schema.Type.NULL ? types.get(0) : null;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
