package dev.aigw.siem.topology;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.siem.config.SiemConfig;
import dev.aigw.siem.document.Tally;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Interception events (Avro) in; flat JSON documents out, keyed by interception id: one per event, and one summary per
 * interception once every event up to its end is in (or its summary timeout passed).
 *
 * <pre>
 * events ─▶ tally per interception id ─┬─▶ event documents ───┬─▶ SIEM topic (JSON)
 *           (drop duplicates by seq)   └─▶ summary documents ─┘
 * </pre>
 */
public final class SiemTopology {
    /** The tally of each interception, keyed by start time and id. */
    public static final String TALLIES_STORE = "siem-tallies";
    /** Interceptions without a summary yet and when to write one anyway. */
    public static final String OPEN_STORE = "siem-open";

    private SiemTopology() {
    }

    /** The topology for {@code config}, reading event values with {@code events}. */
    public static Topology build(SiemConfig config, Serde<InterceptionEvent> events) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TALLIES_STORE),
                Serdes.String(), JsonSerde.of(Tally.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OPEN_STORE),
                Serdes.String(), JsonSerde.of(SiemProcessor.Open.class)));
        builder.stream(config.interceptionsTopic(), Consumed.with(Serdes.String(), events).withName("events"))
                .process(() -> new SiemProcessor(config.summaryTimeout(), config.dedupWindow()), Named.as("tally"),
                        TALLIES_STORE, OPEN_STORE)
                .to(config.siemTopic(), Produced.with(Serdes.String(), Serdes.String()).withName("documents"));
        return builder.build();
    }
}
