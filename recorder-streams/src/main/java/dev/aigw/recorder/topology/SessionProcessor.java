package dev.aigw.recorder.topology;

import dev.aigw.recorder.audit.AuditRow;
import dev.aigw.recorder.audit.Retention;
import dev.aigw.recorder.audit.SessionState;
import dev.aigw.recorder.audit.SummaryChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies interception changes to their session, keyed by session id and initiator, and writes the session's row.
 * A session is kept as long as its row lives, since a client may resume it any time before.
 */
final class SessionProcessor implements Processor<String, SummaryChange, String, AuditRow> {
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final Retention retention;
    private ProcessorContext<String, AuditRow> context;
    private KeyValueStore<String, SessionState> sessions;

    SessionProcessor(Retention retention) {
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, AuditRow> context) {
        this.context = context;
        this.sessions = context.getStateStore(RecorderTopology.SESSIONS_STORE);
        if (!retention.period().isZero()) {
            context.schedule(PURGE_EVERY, PunctuationType.WALL_CLOCK_TIME, this::forgetExpired);
        }
    }

    @Override
    public void process(Record<String, SummaryChange> record) {
        SessionState session = SessionState.apply(sessions.get(record.key()), record.value());
        sessions.put(record.key(), session);
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        if (!retention.isOver(session.lastStartedAt(), now)) {
            AuditRow row = new AuditRow.Session(session, retention.expiresAt(session.lastStartedAt()));
            context.forward(new Record<>(row.key(), row, record.timestamp()));
        }
    }

    private void forgetExpired(long now) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, SessionState> all = sessions.all()) {
            all.forEachRemaining(entry -> {
                if (retention.isOver(entry.value.lastStartedAt(), Instant.ofEpochMilli(now))) {
                    expired.add(entry.key);
                }
            });
        }
        expired.forEach(sessions::delete);
    }
}
