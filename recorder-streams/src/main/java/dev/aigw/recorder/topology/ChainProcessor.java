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

    private final SigningKey key;
    private final Retention retention;
    private ProcessorContext<String, AuditRow> context;
    private KeyValueStore<String, SessionChain> chains;

    ChainProcessor(SigningKey key, Retention retention) {
        this.key = key;
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, AuditRow> context) {
        this.context = context;
        this.chains = context.getStateStore(RecorderTopology.CHAINS_STORE);
        if (!retention.period().isZero()) {
            context.schedule(PURGE_EVERY, PunctuationType.WALL_CLOCK_TIME, this::forgetExpired);
        }
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

    // Members whose rows expired leave the chain; the verifier knows their links' predecessors expired too.
    private void forgetExpired(long now) {
        Instant cutoff = Instant.ofEpochMilli(now).minus(retention.period());
        List<KeyValue<String, SessionChain>> changed = new ArrayList<>();
        try (KeyValueIterator<String, SessionChain> all = chains.all()) {
            all.forEachRemaining(entry -> {
                SessionChain kept = entry.value.startingAt(cutoff);
                if (kept.members().size() != entry.value.members().size()) {
                    changed.add(KeyValue.pair(entry.key, kept.members().isEmpty() ? null : kept));
                }
            });
        }
        changed.forEach(entry -> chains.put(entry.key, entry.value));
    }
}
