package dev.aigw.servicekit.kafka;

import dev.aigw.servicekit.config.Settings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How many copies of every topic the project creates, and how many must have a write before it counts: one pair for
 * every service, so that the events, dead letters, control, rows and Streams' internal topics all survive the same
 * broker failures. The defaults (1 and 1) suit one broker; a cluster of three takes 3 and 2.
 *
 * @param factor     replicas per partition of each topic created ({@code KAFKA_REPLICATION_FACTOR})
 * @param minInSync  replicas that must have a write before an {@code acks=all} producer is told it is stored
 *                   ({@code KAFKA_MIN_INSYNC_REPLICAS}); at most {@code factor}
 */
public record KafkaReplication(short factor, int minInSync) {
    /** The setting naming the replication factor. */
    public static final String FACTOR = "KAFKA_REPLICATION_FACTOR";
    /** The setting naming {@code min.insync.replicas}. */
    public static final String MIN_IN_SYNC = "KAFKA_MIN_INSYNC_REPLICAS";
    /** One broker: today's single-node behaviour. */
    public static final KafkaReplication SINGLE_NODE = new KafkaReplication((short) 1, 1);

    /** Validates the pair. */
    public KafkaReplication {
        if (factor < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1, got " + factor);
        }
        if (minInSync < 1 || minInSync > factor) {
            throw new IllegalArgumentException("min.insync.replicas must be from 1 to the replication factor " + factor
                    + ", got " + minInSync);
        }
    }

    /**
     * Reads {@value #FACTOR} and {@value #MIN_IN_SYNC}; each problem goes to {@code problems} naming the setting, and
     * the single-node pair stands in so that every other problem can still be reported.
     */
    public static KafkaReplication from(Settings s, List<String> problems) {
        int factor = s.integer(FACTOR, 1, problems);
        int minInSync = s.integer(MIN_IN_SYNC, 1, problems);
        int before = problems.size();
        if (factor < 1 || factor > Short.MAX_VALUE) {
            problems.add(s.setting(FACTOR).orElseThrow().source() + " must be from 1 to " + Short.MAX_VALUE
                    + ", got " + factor);
        }
        if (minInSync < 1) {
            problems.add(s.setting(MIN_IN_SYNC).orElseThrow().source() + " must be at least 1, got " + minInSync);
        } else if (factor >= 1 && minInSync > factor) {
            // A topic whose min.insync.replicas exceeds its replicas refuses every acks=all write: fail at start instead.
            problems.add(s.setting(MIN_IN_SYNC).map(Settings.Setting::source).orElse(Settings.PREFIX + MIN_IN_SYNC)
                    + " (" + minInSync + ") must not exceed " + Settings.PREFIX + FACTOR + " (" + factor
                    + "): no write could ever be acknowledged");
        }
        return problems.size() > before ? SINGLE_NODE : new KafkaReplication((short) factor, minInSync);
    }

    /** The topic-level settings every created topic carries: its {@code min.insync.replicas}. */
    public Map<String, String> topicConfigs() {
        return Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInSync));
    }

    /** A topic to create with these replicas and settings, plus the topic's own ({@code extra}, e.g. compaction). */
    public NewTopic newTopic(String name, int partitions, Map<String, String> extra) {
        Map<String, String> configs = new HashMap<>(extra);
        configs.putAll(topicConfigs());
        return new NewTopic(name, partitions, factor).configs(configs);
    }
}
