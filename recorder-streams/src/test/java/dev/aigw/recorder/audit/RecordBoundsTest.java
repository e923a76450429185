package dev.aigw.recorder.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.events.v1.Truncation;
import dev.aigw.recorder.TestInterception;
import dev.aigw.recorder.kafka.SmileSerde;
import dev.aigw.schemas.bounds.AuditBounds;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;

/**
 * The worst case of every record the recorder derives from events, built from events whose every text and map is as
 * hostile as can be (hundreds of KB of control characters, which JSON text escapes to six bytes each), must serialize
 * under {@link RecordBounds#DERIVED_RECORD_BYTES}.
 */
class RecordBoundsTest {
    private static final String HOSTILE = "\u0001".repeat(300_000);
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final TestInterception I = TestInterception.of(START, "alice", "s-1");

    @Test
    void shouldKeepTheLargestInterceptionStateUnderTheRecordLimitWhenEveryFieldIsHostile() throws Exception {
        InterceptionState state = worstState();

        assertThat(size(InterceptionState.class, state)).isLessThan(RecordBounds.DERIVED_RECORD_BYTES);
        // The same state as JSON text would not even fit Kafka: the content is hostile enough to have broken it.
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        assertThat(json.writeValueAsBytes(state).length).isGreaterThan(RecordBounds.KAFKA_RECORD_BYTES);
        assertThat(state.events()).hasSize(RecordBounds.EVENTS_PER_INTERCEPTION);
        assertThat(state.arrival(I.tokens(RecordBounds.EVENTS_PER_INTERCEPTION + 10, 1, 1, 0, 0, 0)))
                .isEqualTo(InterceptionState.Arrival.TOO_MANY);
    }

    @Test
    void shouldKeepEveryRowAndChangeUnderTheRecordLimitWhenEveryFieldIsHostile() {
        InterceptionState state = worstState();
        Instant expires = START.plusSeconds(3600);
        List<AuditRow> rows = new ArrayList<>();
        rows.add(AuditRow.Interception.of(state, expires));
        for (InterceptionEvent e : List.of(hostile(I.prompt(1, "")), hostile(I.tool(3, "")), hostile(I.thought(4, "")),
                hostile(I.tokens(5, 1, 1, 0, 0, 0)))) {
            rows.add(AuditRow.detail(e, expires).orElseThrow());
        }
        rows.addAll(AuditRow.filterValues(state, new Retention(java.time.Duration.ZERO)));
        SessionState session = worstSession(state.contribution());
        rows.add(new AuditRow.Session(session, expires));
        rows.add(new AuditRow.Usage(UsageState.apply(null, LocalDate.of(2026, 12, 1),
                new SummaryChange(null, state.contribution())), expires));

        System.out.printf("RecordBoundsTest worst cases in bytes: state %d, change %d, session %d, rows %s%n",
                size(InterceptionState.class, state),
                size(SummaryChange.class, new SummaryChange(state.contribution(), state.contribution())),
                size(SessionState.class, session), rows.stream().map(r -> r.getClass().getSimpleName() + " "
                        + size(AuditRow.class, r)).distinct().toList());
        assertThat(rows).allSatisfy(row -> assertThat(size(AuditRow.class, row))
                .as(row.getClass().getSimpleName()).isLessThan(RecordBounds.DERIVED_RECORD_BYTES));
        assertThat(size(SummaryChange.class, new SummaryChange(state.contribution(), state.contribution())))
                .isLessThan(RecordBounds.DERIVED_RECORD_BYTES);
        assertThat(size(SessionState.class, session)).isLessThan(RecordBounds.DERIVED_RECORD_BYTES);
        assertThat(session.models()).hasSize(RecordBounds.SESSION_SET_ENTRIES);
        assertThat(session.unlisted()).hasSize(RecordBounds.SESSION_UNLISTED);
    }

    @Test
    void shouldMarkEveryCutFieldWithItsLengthAndHashWhenBounding() {
        InterceptionState state = worstState();

        String model = AuditBounds.sha256(HOSTILE);
        assertThat(state.truncated()).containsEntry("model", HOSTILE.length() + ":" + model)
                .containsEntry("prompt", HOSTILE.length() + ":" + model)
                .containsEntry("error_message", HOSTILE.length() + ":" + model);
        assertThat(state.start().model()).hasSize(AuditBounds.IDENTIFIER_BYTES);
        assertThat(state.prompt().text()).hasSize(AuditBounds.TEXT_BYTES);
    }

    @Test
    void shouldBoundTheTruncationListItselfWhenAnotherProducerSendsAHugeOne() {
        InterceptionEvent event = I.prompt(1, "whole");
        List<Truncation> marks = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            marks.add(new Truncation(i + HOSTILE, 1L, HOSTILE));
        }
        event.setTruncated(marks);

        List<Truncation> kept = RecordBounds.apply(event).getTruncated();

        assertThat(kept).hasSize(RecordBounds.MARKS_PER_EVENT + 1);
        assertThat(kept.getLast().getField()).isEqualTo("truncated");
        assertThat(kept.getLast().getOriginalLength()).isEqualTo(1000);
        assertThat(kept).allSatisfy(t -> assertThat(t.getField().length()).isLessThanOrEqualTo(RecordBounds.MARK_FIELD_BYTES));
    }

    @Test
    void shouldLeaveAWholeEventUnmarkedWhenBounding() {
        assertThat(RecordBounds.apply(I.prompt(1, "hello")).getTruncated()).isEmpty();
        assertThat(RecordBounds.marks(I.prompt(1, "hello"))).isEmpty();
    }

    private static InterceptionState worstState() {
        InterceptionState state = InterceptionState.empty(I.id(), START);
        List<InterceptionEvent> events = new ArrayList<>(List.of(hostile(I.started(0)), hostile(I.prompt(1, "")),
                hostile(I.ended(2, InterceptionStatus.FAILED))));
        for (int seq = 3; events.size() < RecordBounds.EVENTS_PER_INTERCEPTION; seq++) {
            events.add(I.tokens(seq, 1, 1, 0, 0, 0));
        }
        for (InterceptionEvent e : events) {
            state = state.with(e);
        }
        return state;
    }

    // Many interceptions of one session, each with another model and an earlier start, so every set and list grows.
    private static SessionState worstSession(Contribution c) {
        SessionState session = null;
        for (int i = 0; i < 200; i++) {
            Contribution other = new Contribution(c.interceptionId() + i, c.sessionId(), c.initiatorId(),
                    c.initiatorUsername(), c.client(), c.provider() + i, c.providerName() + i, i + c.model(),
                    START.minusSeconds(i), c.lastActiveAt(), c.endedAt(), c.tokens(), c.prompt(), null);
            session = SessionState.apply(session, new SummaryChange(null, other));
        }
        return session;
    }

    // Every text and map of the event, envelope and payload, hostile; then bounded as the recorder does on reading.
    private static InterceptionEvent hostile(InterceptionEvent event) {
        fill(event);
        fill((SpecificRecordBase) event.getPayload());
        List<Truncation> marks = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            marks.add(new Truncation(i + HOSTILE, 1L, HOSTILE));
        }
        event.setTruncated(marks);
        return RecordBounds.apply(event);
    }

    private static void fill(SpecificRecordBase record) {
        for (Schema.Field field : record.getSchema().getFields()) {
            Schema type = field.schema().isNullable() && field.schema().isUnion()
                    ? field.schema().getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow()
                    : field.schema();
            if (type.getType() == Schema.Type.STRING && !List.of("interception_id", "event_id").contains(field.name())) {
                record.put(field.pos(), HOSTILE);
            } else if (type.getType() == Schema.Type.MAP) {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < 200; i++) {
                    map.put(i + HOSTILE.substring(0, 5000),
                            type.getValueType().getType() == Schema.Type.STRING ? HOSTILE.substring(0, 5000) : 1L);
                }
                record.put(field.pos(), map);
            }
        }
    }

    private static <T> int size(Class<T> type, T value) {
        return SmileSerde.of(type).serialize("t", value).length;
    }
}
