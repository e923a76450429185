package dev.aigw.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.events.v1.CredentialKind;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.schemas.registry.FakeSchemaRegistry;
import dev.aigw.schemas.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WireFormatSerdeTest {
    private static final String TOPIC = "aigw.interceptions.v1";
    private static final Instant STARTED = Instant.parse("2026-01-02T03:04:05.123456Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    // 0x01020304 makes a wrong byte order visible in the header.
    private final FakeSchemaRegistry registry = FakeSchemaRegistry.start(0x01020304);
    private final SchemaRegistryClient client = SchemaRegistryClient.builder(registry.url())
            .maxAttempts(1)
            .requestTimeout(Duration.ofSeconds(5))
            .build();
    private final WireFormatSerde<InterceptionEvent> serde = WireFormatSerde.create(client, InterceptionEvent.class);
    private final Serializer<InterceptionEvent> serializer = serde.serializer();
    private final Deserializer<InterceptionEvent> deserializer = serde.deserializer();

    @AfterEach
    void stop() {
        serde.close();
        client.close();
        registry.close();
    }

    @Test
    void shouldWriteMagicByteBigEndianIdAndAvroBinaryAsConfluentDocuments() throws IOException {
        byte[] actual = serializer.serialize(TOPIC, tokenUsageEvent());

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(new byte[] {0x00, 0x01, 0x02, 0x03, 0x04});
        BinaryEncoder avro = EncoderFactory.get().binaryEncoder(expected, null);
        avro.writeString("e-1");
        avro.writeString("i-1");
        avro.writeInt(3);
        avro.writeLong(STARTED.plusSeconds(2).toEpochMilli() * 1000 + 456);
        avro.writeLong(STARTED.toEpochMilli() * 1000 + 456);
        avro.writeString("node-a");
        avro.writeArrayStart();
        avro.setItemCount(0);
        avro.writeArrayEnd();
        avro.writeIndex(2);
        avro.writeIndex(1);
        avro.writeString("msg_1");
        avro.writeIndex(0);
        avro.writeLong(120);
        avro.writeLong(45);
        avro.writeLong(0);
        avro.writeLong(0);
        avro.writeLong(7);
        avro.writeMapStart();
        avro.setItemCount(1);
        avro.startItem();
        avro.writeString("web_search");
        avro.writeLong(2);
        avro.writeMapEnd();
        avro.flush();
        assertThat(actual).isEqualTo(expected.toByteArray());
    }

    @Test
    void shouldRegisterUnderTheTopicValueSubjectOnceForManyRecords() {
        for (int i = 0; i < 100; i++) {
            byte[] framed = serializer.serialize(TOPIC, tokenUsageEvent());
            assertThat(deserializer.deserialize(TOPIC, framed)).isEqualTo(tokenUsageEvent());
        }
        serializer.serialize("other", tokenUsageEvent());

        assertThat(registry.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "POST /subjects/aigw.interceptions.v1-value/versions",
                "GET /schemas/ids/16909060",
                "POST /subjects/other-value/versions");
    }

    @Test
    void shouldPassNullThroughBothWays() {
        assertThat(serializer.serialize(TOPIC, null)).isNull();
        assertThat(deserializer.deserialize(TOPIC, null)).isNull();
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void shouldRejectAnUnknownMagicByte() {
        byte[] framed = serializer.serialize(TOPIC, tokenUsageEvent());
        framed[0] = 0x01;

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, framed))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown magic byte 0x01");
    }

    @Test
    void shouldRejectAPayloadShorterThanTheHeader() {
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0x00, 0x00, 0x01}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("3 bytes")
                .hasMessageContaining("shorter than the 5-byte");
    }

    @Test
    void shouldRejectATruncatedBody() {
        byte[] framed = serializer.serialize(TOPIC, tokenUsageEvent());
        byte[] truncated = Arrays.copyOf(framed, framed.length - 4);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 16909060");
    }

    @Test
    void shouldRejectAnIdTheRegistryDoesNotKnow() {
        byte[] framed = {0x00, 0x00, 0x00, 0x00, 77, 0x02};

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, framed))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("writer schema id 77 is not available")
                .hasMessageContaining("Schema 77 not found");
    }

    @Test
    void shouldFailSerializingWhenTheRegistryRefuses() {
        registry.failNext(409, "{\"error_code\": 409, \"message\": \"Schema being registered is incompatible\"}");

        assertThatThrownBy(() -> serializer.serialize(TOPIC, tokenUsageEvent()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("subject aigw.interceptions.v1-value")
                .hasMessageContaining("HTTP 409");
    }

    @Test
    void shouldFillDefaultsWhenReadingARecordWrittenWithAnOlderSchema() throws IOException {
        Schema older = withoutStartedFields("initiator_username", "client", "metadata");
        registry.preload(5, older);
        Schema startedSchema = older.getField("payload").schema().getTypes().getFirst();
        GenericRecord started = new GenericData.Record(startedSchema);
        started.put("initiator_id", "u-1");
        started.put("api_key_id", null);
        started.put("provider", "anthropic");
        started.put("provider_name", "claude");
        started.put("model", "claude-sonnet");
        started.put("route", "/v1/messages");
        started.put("streaming", true);
        started.put("user_agent", "curl");
        started.put("client_session_id", null);
        started.put("correlating_tool_call_id", null);
        started.put("credential_kind", new GenericData.EnumSymbol(startedSchema.getField("credential_kind").schema(), "BYOK"));
        started.put("credential_hint", "sk-...1234");
        GenericRecord event = new GenericData.Record(older);
        event.put("event_id", "e-9");
        event.put("interception_id", "i-9");
        event.put("seq", 0);
        event.put("occurred_at", 1_700_000_000_000_001L);
        event.put("interception_started_at", 1_700_000_000_000_000L);
        event.put("gateway_node", "node-b");
        event.put("payload", started);

        InterceptionEvent read = deserializer.deserialize(TOPIC, framed(5, older, event));

        assertThat(read.getOccurredAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 1_000));
        InterceptionStarted payload = (InterceptionStarted) read.getPayload();
        assertThat(payload.getInitiatorId()).isEqualTo("u-1");
        assertThat(payload.getStreaming()).isTrue();
        assertThat(payload.getCredentialKind()).isEqualTo(CredentialKind.BYOK);
        assertThat(payload.getInitiatorUsername()).isEmpty();
        assertThat(payload.getClient()).isEqualTo("Unknown");
        assertThat(payload.getMetadata()).isEmpty();
        assertThat(read.getTruncated()).isEmpty();
    }

    private static byte[] framed(int id, Schema writerSchema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x00, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id});
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(writerSchema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** The current contract minus some fields of InterceptionStarted: what an older producer would have written. */
    private static Schema withoutStartedFields(String... names) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(InterceptionEvent.getClassSchema().toString());
        // The envelope's truncation marks came later than every payload field too.
        ArrayNode envelope = root.withArray("fields");
        for (int i = envelope.size() - 1; i >= 0; i--) {
            if (envelope.get(i).get("name").asText().equals("truncated")) {
                envelope.remove(i);
            }
        }
        for (var field : root.withArray("fields")) {
            if (field.get("name").asText().equals("payload")) {
                ArrayNode startedFields = (ArrayNode) field.get("type").get(0).get("fields");
                for (int i = startedFields.size() - 1; i >= 0; i--) {
                    if (Arrays.asList(names).contains(startedFields.get(i).get("name").asText())) {
                        startedFields.remove(i);
                    }
                }
            }
        }
        return new Schema.Parser().parse(root.toString());
    }

    private static InterceptionEvent tokenUsageEvent() {
        return InterceptionEvent.newBuilder()
                .setEventId("e-1")
                .setInterceptionId("i-1")
                .setSeq(3)
                .setOccurredAt(STARTED.plusSeconds(2).truncatedTo(ChronoUnit.MICROS))
                .setInterceptionStartedAt(STARTED)
                .setGatewayNode("node-a")
                .setPayload(TokenUsage.newBuilder()
                        .setProviderResponseId("msg_1")
                        .setProviderModel(null)
                        .setInputTokens(120)
                        .setOutputTokens(45)
                        .setReasoningTokens(7)
                        .setExtra(Map.of("web_search", 2L))
                        .build())
                .build();
    }
}
