package dev.aigw.schemas.bounds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.events.v1.PromptUsage;
import dev.aigw.events.v1.Truncation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;

class AuditBoundsTest {
    /** Four UTF-8 bytes, two chars: the widest code point. */
    private static final String WIDE = "\uD83D\uDE00";

    @Test
    void shouldEncodeTheLargestBoundedEventOfEveryPayloadUnderTheEventBound() throws IOException {
        Schema payloads = InterceptionEvent.getClassSchema().getField("payload").schema();
        for (Schema payloadSchema : payloads.getTypes()) {
            SpecificRecordBase payload = (SpecificRecordBase) SpecificData.get().newRecord(null, payloadSchema);
            fill(payload);
            InterceptionEvent event = event(payload);
            fill(event);
            event.setPayload(payload);
            AuditBounds.apply(event);

            int size = encodedSize(event);
            assertThat(size).as(payloadSchema.getName()).isLessThan(AuditBounds.EVENT_BYTES);
        }
    }

    @Test
    void shouldBoundEveryFieldOfTheSchemaByItsKind() {
        List<String> unbounded = new ArrayList<>();
        for (Schema.Field field : InterceptionEvent.getClassSchema().getFields()) {
            check(InterceptionEvent.getClassSchema(), field, unbounded);
        }
        assertThat(unbounded).as("fields of a kind AuditBounds does not walk").isEmpty();
    }

    @Test
    void shouldCutAnOverlongIdentifierAndRecordItsLengthAndHash() {
        String model = "m".repeat(70_000);
        InterceptionEvent event = event(started(model, Map.of()));

        AuditBounds.apply(event);

        assertThat(((InterceptionStarted) event.getPayload()).getModel()).hasSize(AuditBounds.IDENTIFIER_BYTES);
        assertThat(event.getTruncated()).containsExactly(new Truncation("model", 70_000L, AuditBounds.sha256(model)));
    }

    @Test
    void shouldGiveFreeTextTheLargerBound() {
        String prompt = "\u0001".repeat(300_000);
        InterceptionEvent event = event(new PromptUsage(null, prompt));

        AuditBounds.apply(event);

        assertThat(((PromptUsage) event.getPayload()).getPrompt()).hasSize(AuditBounds.TEXT_BYTES);
        assertThat(event.getTruncated()).singleElement().satisfies(cut -> {
            assertThat(cut.getField()).isEqualTo("prompt");
            assertThat(cut.getOriginalLength()).isEqualTo(300_000L);
        });
    }

    @Test
    void shouldLeaveAnEventWithinItsBoundsAsItWas() {
        String prompt = "é".repeat(AuditBounds.TEXT_BYTES / 2);
        InterceptionEvent event = event(new PromptUsage(null, prompt));

        AuditBounds.apply(event);

        assertThat(((PromptUsage) event.getPayload()).getPrompt()).isSameAs(prompt);
        assertThat(event.getTruncated()).isEmpty();
    }

    @Test
    void shouldCutAtACodePointBoundaryWithinTheByteBound() {
        for (int max = 0; max < 12; max++) {
            String cut = AuditBounds.cut("a" + WIDE.repeat(5), max);
            assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(max);
            assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(max - 4);
            assertThat(cut.isEmpty() || !Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isTrue();
        }
    }

    @Test
    void shouldBoundMapEntriesKeysAndValues() {
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int i = 0; i < AuditBounds.MAP_ENTRIES + 10; i++) {
            metadata.put("k" + i, "v");
        }
        metadata.put("k0", "v".repeat(5_000));
        InterceptionEvent event = event(started("m", metadata));

        AuditBounds.apply(event);

        Map<String, String> kept = ((InterceptionStarted) event.getPayload()).getMetadata();
        assertThat(kept).hasSize(AuditBounds.MAP_ENTRIES).containsKey("k0");
        assertThat(kept.get("k0")).hasSize(AuditBounds.IDENTIFIER_BYTES);
        assertThat(event.getTruncated()).extracting(Truncation::getField).containsExactlyInAnyOrder("metadata", "metadata.k0");
        assertThat(event.getTruncated()).filteredOn(t -> t.getField().equals("metadata"))
                .singleElement().extracting(Truncation::getOriginalLength).isEqualTo((long) AuditBounds.MAP_ENTRIES + 10);
    }

    @Test
    void shouldAddNothingWhenAppliedAgain() {
        InterceptionEvent event = event(started("m".repeat(5_000), Map.of("k".repeat(2_000), "v")));
        AuditBounds.apply(event);
        List<Truncation> first = List.copyOf(event.getTruncated());

        AuditBounds.apply(event);

        assertThat(first).extracting(Truncation::getField).containsExactlyInAnyOrder("model", "metadata." + "k".repeat(1024) + "#key");
        assertThat(event.getTruncated()).isEqualTo(first);
    }

    private static void check(Schema owner, Schema.Field field, List<String> unbounded) {
        if (owner.getName().equals("InterceptionEvent") && field.name().equals("truncated")) {
            return;
        }
        for (Schema type : field.schema().isUnion() ? field.schema().getTypes() : List.of(field.schema())) {
            switch (type.getType()) {
                case STRING, NULL, BOOLEAN, INT, LONG, FLOAT, DOUBLE, ENUM -> {
                }
                case MAP -> {
                    if (type.getValueType().getType() != Schema.Type.STRING && type.getValueType().getType() != Schema.Type.LONG) {
                        unbounded.add(owner.getName() + "." + field.name());
                    }
                }
                case RECORD -> type.getFields().forEach(inner -> check(type, inner, unbounded));
                default -> unbounded.add(owner.getName() + "." + field.name());
            }
        }
    }

    /** Sets every string of {@code record} (not of nested records) far over its bound, every map to 100 such entries, every number to its largest. */
    private static void fill(SpecificRecordBase record) {
        for (Schema.Field field : record.getSchema().getFields()) {
            Schema type = field.schema().isUnion() ? field.schema().getTypes().get(field.schema().getTypes().size() - 1)
                    : field.schema();
            String huge = WIDE.repeat(AuditBounds.TEXT_BYTES);
            switch (type.getType()) {
                case STRING -> record.put(field.pos(), huge);
                case MAP -> {
                    Map<String, Object> map = new HashMap<>();
                    for (int i = 0; i < 100; i++) {
                        map.put(i + huge, type.getValueType().getType() == Schema.Type.STRING ? huge : (Object) Long.MAX_VALUE);
                    }
                    record.put(field.pos(), map);
                }
                case ENUM -> record.put(field.pos(), SpecificData.get().createEnum(type.getEnumSymbols().get(0), type));
                case INT -> record.put(field.pos(), Integer.MAX_VALUE);
                case LONG -> record.put(field.pos(), type.getLogicalType() == null ? Long.MAX_VALUE : Instant.now());
                case BOOLEAN -> record.put(field.pos(), true);
                default -> {
                }
            }
        }
    }

    private static InterceptionStarted started(String model, Map<String, String> metadata) {
        return InterceptionStarted.newBuilder().setInitiatorId("u").setProvider("anthropic").setProviderName("anthropic")
                .setModel(model).setRoute("/v1/messages").setMetadata(new LinkedHashMap<>(metadata)).build();
    }

    private static InterceptionEvent event(Object payload) {
        Instant now = Instant.now();
        return InterceptionEvent.newBuilder().setEventId("e").setInterceptionId("i").setSeq(0).setOccurredAt(now)
                .setInterceptionStartedAt(now).setGatewayNode("n").setPayload(payload).build();
    }

    private static int encodedSize(InterceptionEvent event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(InterceptionEvent.class).write(event, encoder);
        encoder.flush();
        return out.size();
    }
}
