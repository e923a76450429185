package dev.aigw.recorder.topology;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.recorder.audit.AuditRow;
import dev.aigw.recorder.audit.Contribution;
import dev.aigw.recorder.audit.InterceptionState;
import dev.aigw.recorder.audit.Retention;
import dev.aigw.recorder.audit.RowKeys;
import dev.aigw.recorder.audit.SessionChain;
import dev.aigw.recorder.audit.SessionState;
import dev.aigw.recorder.audit.SummaryChange;
import dev.aigw.recorder.audit.UsageState;
import dev.aigw.recorder.config.RecorderConfig;
import dev.aigw.recorder.kafka.SmileSerde;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Interception events in; audit rows, with absolute values, out to the rows topic, from which the row sink writes them
 * to Cassandra.
 *
 * <pre>
 * events ─▶ fold per interception id ─┬─▶ dead letters ─▶ DLQ topic
 *                                     ├─▶ detail and summary rows ─▶ rows topic
 *                                     └─▶ changes ─┬─▶ by session ─┬─▶ sessions ─▶ rows topic
 *                                                  │              └─▶ audit chains (with a signing key) ─▶ rows topic
 *                                                  └─▶ by person/provider/model/day ─▶ usage ─▶ rows topic
 * </pre>
 */
public final class RecorderTopology {
    /** State of each interception, keyed by start time and id. */
    public static final String INTERCEPTIONS_STORE = "interceptions";
    /** Interceptions without an end event and when to close them. */
    public static final String OPEN_STORE = "open-interceptions";
    /** State of each session, keyed by session id and initiator. */
    public static final String SESSIONS_STORE = "sessions";
    /** Audit chains of the sessions' closed interceptions, keyed like {@link #SESSIONS_STORE}. */
    public static final String CHAINS_STORE = "chains";
    /** Usage rollups, keyed by day, initiator, provider instance and model. */
    public static final String USAGE_STORE = "usage";

    private static final Serde<AuditRow> ROWS = SmileSerde.of(AuditRow.class);
    private static final Serde<SummaryChange> CHANGES = SmileSerde.of(SummaryChange.class);

    private RecorderTopology() {
    }

    /** The topology for {@code config}, decoding event values with {@code events} and counting refusals in {@code counters}. */
    public static Topology build(RecorderConfig config, Deserializer<InterceptionEvent> events, Counters counters) {
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder);
        Retention retention = new Retention(config.retention());
        EventDecoder decoder = new EventDecoder(events, config.interceptionsTopic());

        KStream<String, Outcome> outcomes = builder
                .stream(config.interceptionsTopic(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("events"))
                .process(() -> new InterceptionProcessor(decoder, retention, config.incompleteAfter(),
                        config.lateEventWindow(), counters), Named.as("fold-interceptions"), INTERCEPTIONS_STORE, OPEN_STORE);
        outcomes.flatMap(RecorderTopology::deadLetter, Named.as("rejected"))
                .to(config.deadLetterTopic(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("dead-letters"));
        outcomes.flatMap(RecorderTopology::rows, Named.as("interception-rows"))
                .to(config.rowsTopic(), Produced.with(Serdes.String(), ROWS).withName("write-interception-rows"));

        KStream<String, SummaryChange> changes = outcomes.flatMapValues(RecorderTopology::change, Named.as("changes"));
        KStream<String, SummaryChange> bySession = changes
                .selectKey((id, change) -> sessionKey(change.after()), Named.as("by-session"))
                .repartition(Repartitioned.with(Serdes.String(), CHANGES).withName("session-changes"));
        bySession.process(() -> new SessionProcessor(retention), Named.as("fold-sessions"), SESSIONS_STORE)
                .to(config.rowsTopic(), Produced.with(Serdes.String(), ROWS).withName("write-session-rows"));
        config.signingKey().ifPresent(key -> {
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CHAINS_STORE),
                    Serdes.String(), SmileSerde.of(SessionChain.class)));
            bySession.process(() -> new ChainProcessor(key, retention, config.lateEventWindow()), Named.as("chain-sessions"),
                            CHAINS_STORE)
                    .to(config.rowsTopic(), Produced.with(Serdes.String(), ROWS).withName("write-chain-rows"));
        });
        changes.filter((id, change) -> changesUsage(change), Named.as("usage-changes-only"))
                .map((id, change) -> KeyValue.pair(UsageProcessor.key(change), withoutPrompts(change)), Named.as("by-usage"))
                .repartition(Repartitioned.with(Serdes.String(), CHANGES).withName("usage-changes"))
                .process(() -> new UsageProcessor(retention, config.lateEventWindow()), Named.as("fold-usage"), USAGE_STORE)
                .to(config.rowsTopic(), Produced.with(Serdes.String(), ROWS).withName("write-usage-rows"));
        return builder.build();
    }

    private static void addStores(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INTERCEPTIONS_STORE),
                Serdes.String(), SmileSerde.of(InterceptionState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OPEN_STORE),
                Serdes.String(), SmileSerde.of(InterceptionProcessor.OpenInterception.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SESSIONS_STORE),
                Serdes.String(), SmileSerde.of(SessionState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(USAGE_STORE),
                Serdes.String(), SmileSerde.of(UsageState.class)));
    }

    private static List<KeyValue<byte[], byte[]>> deadLetter(String key, Outcome outcome) {
        return outcome instanceof Outcome.Rejected r ? List.of(KeyValue.pair(r.key(), r.value())) : List.of();
    }

    private static List<KeyValue<String, AuditRow>> rows(String key, Outcome outcome) {
        return outcome instanceof Outcome.Recorded r
                ? r.rows().stream().map(row -> KeyValue.pair(row.key(), row)).toList()
                : List.of();
    }

    private static List<SummaryChange> change(Outcome outcome) {
        return outcome instanceof Outcome.Recorded r && r.change() != null ? List.of(r.change()) : List.of();
    }

    // A session belongs to one person: two people's clients that happen to share a session id stay apart.
    private static String sessionKey(Contribution c) {
        return RowKeys.of(c.sessionId(), c.initiatorId());
    }

    // A rollup counts interceptions and sums tokens; most events (prompts, tools, thoughts, the end) change neither.
    private static boolean changesUsage(SummaryChange change) {
        return change.before() == null || !change.before().tokens().equals(change.after().tokens());
    }

    private static SummaryChange withoutPrompts(SummaryChange change) {
        return new SummaryChange(change.before() == null ? null : change.before().withoutPrompt(),
                change.after().withoutPrompt());
    }
}
