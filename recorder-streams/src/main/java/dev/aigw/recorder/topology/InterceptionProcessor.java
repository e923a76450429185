package dev.aigw.recorder.topology;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.recorder.audit.AuditRow;
import dev.aigw.recorder.audit.Contribution;
import dev.aigw.recorder.audit.InterceptionState;
import dev.aigw.recorder.audit.RecordBounds;
import dev.aigw.recorder.audit.Retention;
import dev.aigw.recorder.audit.SummaryChange;
import dev.aigw.recorder.kafka.DeadLetters;
import dev.aigw.recorder.store.RowDigests;
import dev.aigw.servicekit.chain.RowDigest;
import dev.aigw.servicekit.streams.StartOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds each event into its interception's state and says what to write: the event's detail row, the interception's
 * summary, and its changed contribution to session and usage. Duplicates are dropped, refused events become dead
 * letters, and a wall-clock punctuator closes interceptions whose end never came.
 */
final class InterceptionProcessor implements Processor<byte[], byte[], String, Outcome> {
    /** A dead-letter reason: a second event with a taken seq, or a second start or end. */
    static final String CONFLICT = "conflict";
    /** A dead-letter reason: the interception started longer ago than the late-event window and is forgotten. */
    static final String LATE = "late";
    /** A dead-letter reason: the interception already has as many events as its state may remember. */
    static final String TOO_MANY_EVENTS = "too_many_events";

    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final EventDecoder decoder;
    private final Retention retention;
    private final Duration incompleteAfter;
    private final Duration lateWindow;
    private final Counters counters;
    private ProcessorContext<String, Outcome> context;
    private KeyValueStore<String, InterceptionState> states;
    private KeyValueStore<String, OpenInterception> open;

    /**
     * An interception without an end event yet.
     *
     * @param stateKey its key in the state store
     * @param deadline wall-clock millis after which it is closed as incomplete
     */
    record OpenInterception(String stateKey, long deadline) {
    }

    InterceptionProcessor(EventDecoder decoder, Retention retention, Duration incompleteAfter, Duration lateWindow,
                          Counters counters) {
        this.decoder = decoder;
        this.retention = retention;
        this.incompleteAfter = incompleteAfter;
        this.lateWindow = lateWindow;
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
        this.states = context.getStateStore(RecorderTopology.INTERCEPTIONS_STORE);
        this.open = context.getStateStore(RecorderTopology.OPEN_STORE);
        context.schedule(StartOrder.sweepInterval(incompleteAfter), PunctuationType.WALL_CLOCK_TIME, this::closeOverdue);
        context.schedule(PURGE_EVERY, PunctuationType.WALL_CLOCK_TIME, this::forgetOld);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        switch (decoder.decode(record.key(), record.value())) {
            case EventDecoder.Invalid invalid -> reject(record, invalid.reason(), invalid.detail());
            case EventDecoder.Valid valid -> fold(record, valid.event());
        }
    }

    private void fold(Record<byte[], byte[]> record, InterceptionEvent event) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        Instant startedAt = event.getInterceptionStartedAt();
        if (retention.isOver(startedAt, now)) {
            counters.count(Counters.EXPIRED);
            return;
        }
        String key = StartOrder.key(startedAt, event.getInterceptionId());
        InterceptionState before = states.get(key);
        if (before == null && startedAt.isBefore(now.minus(lateWindow))) {
            reject(record, LATE, "the interception started before the late-event window of " + lateWindow);
            return;
        }
        InterceptionState base = before != null ? before : InterceptionState.empty(event.getInterceptionId(), startedAt);
        switch (base.arrival(event)) {
            case DUPLICATE -> {
                return;
            }
            case CONFLICT -> {
                reject(record, CONFLICT, "seq " + event.getSeq() + " or this payload's type is already taken by another event");
                return;
            }
            case TOO_MANY -> {
                reject(record, TOO_MANY_EVENTS, "the interception has " + RecordBounds.EVENTS_PER_INTERCEPTION
                        + " events already, the most one may have");
                return;
            }
            case NEW -> { }
        }
        Optional<AuditRow> detail = AuditRow.detail(event, retention.expiresAt(startedAt));
        InterceptionState after = base.with(event);
        if (detail.isPresent()) {
            after = after.withDetail(RowDigests.detail(detail.get()).orElseThrow());
        }
        states.put(key, after);
        counters.processed(event.getPayload().getClass().getSimpleName());
        if (after.end() == null) {
            open.put(after.id(), new OpenInterception(key, now.plus(incompleteAfter).toEpochMilli()));
        } else if (before != null && before.end() == null) {
            open.delete(after.id());
        }
        List<AuditRow> rows = new ArrayList<>();
        detail.ifPresent(rows::add);
        forward(before, after, rows, record.timestamp());
    }

    private void forward(InterceptionState before, InterceptionState after, List<AuditRow> rows, long timestamp) {
        rows.add(AuditRow.Interception.of(after, retention.expiresAt(after.startedAt())));
        if ((before == null || before.start() == null) && after.start() != null) {
            rows.addAll(AuditRow.filterValues(after, retention));
        }
        SummaryChange change = null;
        if (after.contribution() != null) {
            change = new SummaryChange(before == null ? null : contribution(before), contribution(after));
            if (Objects.equals(change.before(), change.after())) {
                change = null;
            }
        }
        context.forward(new Record<>(after.id(), new Outcome.Recorded(List.copyOf(rows), change), timestamp));
    }

    // A closed interception's contribution carries its digest, for its session's audit chain.
    private static Contribution contribution(InterceptionState state) {
        Contribution c = state.contribution();
        if (c == null || !state.closed()) {
            return c;
        }
        byte[] summary = RowDigests.summary(AuditRow.Interception.of(state, null));
        byte[] details = state.details() == null ? null : HexFormat.of().parseHex(state.details());
        return c.withDigest(HexFormat.of().formatHex(RowDigest.interception(summary, details)));
    }

    private void reject(Record<byte[], byte[]> record, String reason, String detail) {
        counters.count(reason);
        var headers = DeadLetters.headers(record.headers(), reason, detail, context.recordMetadata().orElse(null));
        context.forward(new Record<>(null, new Outcome.Rejected(record.key(), record.value()), record.timestamp(), headers));
    }

    private void closeOverdue(long now) {
        List<KeyValue<String, OpenInterception>> due = new ArrayList<>();
        try (KeyValueIterator<String, OpenInterception> all = open.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.deadline() <= now) {
                    due.add(entry);
                }
            });
        }
        for (KeyValue<String, OpenInterception> entry : due) {
            open.delete(entry.key);
            InterceptionState state = states.get(entry.value.stateKey());
            if (state == null || state.end() != null || state.incomplete()) {
                continue;
            }
            InterceptionState closed = state.closedIncomplete();
            states.put(entry.value.stateKey(), closed);
            counters.incompleteClosed();
            forward(state, closed, new ArrayList<>(), now);
        }
    }

    // States are keyed by start time first, so the forgotten ones are one range at the front of the store.
    private void forgetOld(long now) {
        String cutoff = StartOrder.before(Instant.ofEpochMilli(now).minus(lateWindow));
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, InterceptionState> range = states.range(null, cutoff)) {
            range.forEachRemaining(entry -> old.add(entry.key));
        }
        old.forEach(states::delete);
    }
}
