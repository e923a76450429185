package dev.aigw.recorder.topology;

import dev.aigw.recorder.audit.AuditRow;
import dev.aigw.recorder.audit.Contribution;
import dev.aigw.recorder.audit.Retention;
import dev.aigw.recorder.audit.RowKeys;
import dev.aigw.recorder.audit.SummaryChange;
import dev.aigw.recorder.audit.UsageState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies interception changes to the usage rollup of their person, provider, model and start day, and writes it.
 * Keys start with the day, so a rollup no interception can change any more (its day is older than the late-event
 * window) is forgotten as one range.
 */
final class UsageProcessor implements Processor<String, SummaryChange, String, AuditRow> {
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final Retention retention;
    private final Duration lateWindow;
    private ProcessorContext<String, AuditRow> context;
    private KeyValueStore<String, UsageState> usage;

    UsageProcessor(Retention retention, Duration lateWindow) {
        this.retention = retention;
        this.lateWindow = lateWindow;
    }

    @Override
    public void init(ProcessorContext<String, AuditRow> context) {
        this.context = context;
        this.usage = context.getStateStore(RecorderTopology.USAGE_STORE);
        context.schedule(PURGE_EVERY, PunctuationType.WALL_CLOCK_TIME, this::forgetFinal);
    }

    @Override
    public void process(Record<String, SummaryChange> record) {
        LocalDate day = day(record.value().after().startedAt());
        UsageState state = UsageState.apply(usage.get(record.key()), day, record.value());
        usage.put(record.key(), state);
        Instant expiresAt = retention.expiresAt(day);
        if (expiresAt == null || expiresAt.isAfter(Instant.ofEpochMilli(context.currentSystemTimeMs()))) {
            AuditRow row = new AuditRow.Usage(state, expiresAt);
            context.forward(new Record<>(row.key(), row, record.timestamp()));
        }
    }

    /** The rollup key: the UTC start day first, then person, provider instance and model. */
    static String key(SummaryChange change) {
        Contribution c = change.after();
        return day(c.startedAt()) + "/" + RowKeys.of(c.initiatorId(), c.providerName(), c.model());
    }

    private void forgetFinal(long now) {
        LocalDate cutoff = day(Instant.ofEpochMilli(now).minus(lateWindow)).minusDays(1);
        List<String> done = new ArrayList<>();
        try (KeyValueIterator<String, UsageState> range = usage.range(null, cutoff.toString())) {
            range.forEachRemaining(entry -> done.add(entry.key));
        }
        done.forEach(usage::delete);
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
