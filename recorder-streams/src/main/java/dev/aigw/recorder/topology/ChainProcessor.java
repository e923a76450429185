package dev.aigw.recorder.topology;

import dev.aigw.recorder.audit.AuditRow;
import dev.aigw.recorder.audit.Contribution;
import dev.aigw.recorder.audit.Retention;
import dev.aigw.recorder.audit.SessionChain;
import dev.aigw.recorder.audit.SummaryChange;
import dev.aigw.servicekit.chain.SigningKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each session's audit chain, keyed like the sessions, and writes the links that a closed interception's change
 * touches: its own and its successor's. Open interceptions are not chained, since their rows still change. Running in
 * the same exactly-once task as its store, a replayed change finds the member in place and writes nothing new.
 */
final class ChainProcessor implements Processor<String, SummaryChange, String, AuditRow> {
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    // Beyond the late-event window, so an interception whose state the fold has not forgotten yet still finds its
    // neighbours in the chain.
    private static final Duration SETTLED_MARGIN = Duration.ofDays(1);

    private final SigningKey key;
    private final Retention retention;
    private final Duration lateWindow;
    private ProcessorContext<String, AuditRow> context;
    private KeyValueStore<String, SessionChain> chains;

    ChainProcessor(SigningKey key, Retention retention, Duration lateWindow) {
        this.key = key;
        this.retention = retention;
        this.lateWindow = lateWindow;
    }

    @Override
    public void init(ProcessorContext<String, AuditRow> context) {
        this.context = context;
        this.chains = context.getStateStore(RecorderTopology.CHAINS_STORE);
        context.schedule(PURGE_EVERY, PunctuationType.WALL_CLOCK_TIME, this::forgetSettled);
    }

    @Override
    public void process(Record<String, SummaryChange> record) {
        Contribution c = record.value().after();
        if (c.digest() == null) {
            return;
        }
        SessionChain.Member member = new SessionChain.Member(c.interceptionId(), c.startedAt(), c.digest());
        SessionChain before = chains.get(record.key());
        SessionChain chain = before == null ? SessionChain.empty() : before;
        if (chain.holds(member)) {
            return;
        }
        chain = chain.with(member);
        chains.put(record.key(), chain);
        for (SessionChain.Member changed : chain.affectedBy(member)) {
            AuditRow row = chain.link(changed, c.sessionId(), c.initiatorId(), key, retention.expiresAt(changed.startedAt()));
            context.forward(new Record<>(row.key(), row, record.timestamp()));
        }
    }

    // A chain keeps what may still change, so its state grows with a session's recent traffic, not its whole life;
    // a chain whose rows all expired goes.
    private void forgetSettled(long now) {
        Instant at = Instant.ofEpochMilli(now);
        Instant settled = at.minus(lateWindow).minus(SETTLED_MARGIN);
        List<KeyValue<String, SessionChain>> changed = new ArrayList<>();
        try (KeyValueIterator<String, SessionChain> all = chains.all()) {
            all.forEachRemaining(entry -> {
                if (!retention.period().isZero() && entry.value.endsBefore(at.minus(retention.period()))) {
                    changed.add(KeyValue.pair(entry.key, null));
                    return;
                }
                SessionChain kept = entry.value.withoutSettled(settled);
                if (kept != entry.value) {
                    changed.add(KeyValue.pair(entry.key, kept));
                }
            });
        }
        changed.forEach(entry -> chains.put(entry.key, entry.value));
    }
}
