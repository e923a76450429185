package dev.aigw.siem.topology;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.siem.document.DocumentBound;
import dev.aigw.siem.document.Documents;
import dev.aigw.siem.document.Tally;
import dev.aigw.servicekit.streams.StartOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds each event into its interception's tally and writes the documents: the event's own (unless it is a duplicate)
 * and the summary when it is due. A wall-clock punctuator writes the summary of an interception whose events stopped
 * coming before its end or a gap was filled, marked incomplete; another forgets tallies older than the de-duplication
 * window.
 */
final class SiemProcessor implements Processor<String, InterceptionEvent, String, String> {
    private static final Logger LOG = Logger.getLogger(SiemProcessor.class.getName());
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final Duration summaryTimeout;
    private final Duration dedupWindow;
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, Tally> tallies;
    private KeyValueStore<String, Open> open;

    /**
     * An interception whose summary is not written yet.
     *
     * @param tallyKey its key in the tallies store
     * @param deadline wall-clock millis after which its summary is written anyway
     */
    record Open(String tallyKey, long deadline) {
    }

    SiemProcessor(Duration summaryTimeout, Duration dedupWindow) {
        this.summaryTimeout = summaryTimeout;
        this.dedupWindow = dedupWindow;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.tallies = context.getStateStore(SiemTopology.TALLIES_STORE);
        this.open = context.getStateStore(SiemTopology.OPEN_STORE);
        context.schedule(StartOrder.sweepInterval(summaryTimeout), PunctuationType.WALL_CLOCK_TIME, this::summarizeOverdue);
        context.schedule(PURGE_EVERY, PunctuationType.WALL_CLOCK_TIME, this::forgetOld);
    }

    @Override
    public void process(Record<String, InterceptionEvent> record) {
        InterceptionEvent event = record.value();
        if (event == null) {
            return;
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        String key = StartOrder.key(event.getInterceptionStartedAt(), event.getInterceptionId());
        Tally before = tallies.get(key);
        if (before == null && event.getInterceptionStartedAt().isBefore(now.minus(dedupWindow))) {
            // Its tally is forgotten (or never was): pass the event on, without de-duplication or a summary.
            write(record, event);
            return;
        }
        Tally base = before != null ? before : Tally.empty(event.getInterceptionId(), event.getInterceptionStartedAt());
        switch (base.arrival(event)) {
            case DUPLICATE -> { }
            case CONFLICT, OVER_BOUND -> {
                LOG.warning(() -> "event " + event.getEventId() + " (seq " + event.getSeq() + ") of interception "
                        + event.getInterceptionId() + " is passed on but not counted in its summary: "
                        + base.arrival(event));
                write(record, event);
            }
            case NEW -> {
                write(record, event);
                fold(key, base.with(event), now, record.timestamp());
            }
        }
    }

    private void fold(String key, Tally after, Instant now, long timestamp) {
        if (after.summaryDue()) {
            summarize(key, after, true, timestamp);
        } else {
            tallies.put(key, after);
            if (!after.summarized()) {
                open.put(after.interceptionId(), new Open(key, now.plus(summaryTimeout).toEpochMilli()));
            }
        }
    }

    private void summarize(String key, Tally tally, boolean complete, long timestamp) {
        tallies.put(key, tally.markSummarized());
        open.delete(tally.interceptionId());
        context.forward(new Record<>(tally.interceptionId(), DocumentBound.json(tally.summary(complete)), timestamp));
    }

    private void write(Record<String, InterceptionEvent> record, InterceptionEvent event) {
        context.forward(new Record<>(event.getInterceptionId(), DocumentBound.json(Documents.of(event)), record.timestamp()));
    }

    private void summarizeOverdue(long now) {
        List<KeyValue<String, Open>> due = new ArrayList<>();
        try (KeyValueIterator<String, Open> all = open.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.deadline() <= now) {
                    due.add(entry);
                }
            });
        }
        for (KeyValue<String, Open> entry : due) {
            open.delete(entry.key);
            Tally tally = tallies.get(entry.value.tallyKey());
            if (tally != null && !tally.summarized()) {
                summarize(entry.value.tallyKey(), tally, false, now);
            }
        }
    }

    // Tallies are keyed by start time first, so the forgotten ones are one range at the front of the store.
    private void forgetOld(long now) {
        String cutoff = StartOrder.before(Instant.ofEpochMilli(now).minus(dedupWindow));
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, Tally> range = tallies.range(null, cutoff)) {
            range.forEachRemaining(entry -> old.add(entry.key));
        }
        old.forEach(tallies::delete);
    }
}
