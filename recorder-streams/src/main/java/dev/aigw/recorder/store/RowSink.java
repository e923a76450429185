package dev.aigw.recorder.store;

import dev.aigw.recorder.audit.AuditRow;
import dev.aigw.recorder.topology.SmileSerde;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Copies the rows topic into Cassandra. It reads only committed rows, writes a polled batch (the latest version of each
 * row), and commits the batch's offsets only once every write succeeded. While Cassandra fails it keeps the batch,
 * pauses its partitions and retries with backoff (up to {@value #MAX_BACKOFF_MS} ms apart), so no offset passes an
 * unwritten row; then it catches up. Rows hold absolute values, so writing one again after a crash changes nothing.
 */
public final class RowSink implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RowSink.class.getName());
    private static final long MAX_BACKOFF_MS = 2_000;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, AuditRow> consumer;
    private final String topic;
    private final CassandraAuditWriter writer;
    private final WriteMeter meter;
    private final Clock clock;
    private final Thread thread;
    private final LongAdder written = new LongAdder();
    private final Map<TopicPartition, Map<String, AuditRow>> pending = new HashMap<>();
    private final Map<TopicPartition, Long> pendingOffsets = new HashMap<>();
    private volatile boolean running = true;
    private volatile boolean retrying;
    private volatile String lastError;

    /** What the sink is doing, for the health endpoint. */
    public record Status(boolean running, boolean retrying, long rowsWritten, String lastError) {
    }

    private RowSink(Properties consumerConfig, String topic, CassandraAuditWriter writer, WriteMeter meter, Clock clock) {
        this.consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new LenientRows());
        this.topic = topic;
        this.writer = writer;
        this.meter = meter;
        this.clock = clock;
        this.thread = new Thread(this::run, "row-sink");
    }

    /** Starts copying {@code topic} into Cassandra as consumer group {@code groupId}. */
    public static RowSink start(String bootstrap, String groupId, String topic, CassandraAuditWriter writer,
                                WriteMeter meter, Clock clock) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // The topology writes rows in transactions; rows of an aborted one must never reach the store.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        RowSink sink = new RowSink(p, topic, writer, meter, clock);
        sink.thread.start();
        return sink;
    }

    /** What the sink is doing. */
    public Status status() {
        return new Status(thread.isAlive(), retrying, written.sum(), lastError);
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic), new Rebalance());
            while (running) {
                ConsumerRecords<String, AuditRow> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    add(records);
                    if (writeUntilDone()) {
                        commit();
                    }
                }
            }
        } catch (KafkaException | IllegalStateException e) {
            lastError = e.toString();
            LOG.log(Level.SEVERE, "row sink stopped; rows not yet written are written again after a restart", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void add(ConsumerRecords<String, AuditRow> records) {
        for (ConsumerRecord<String, AuditRow> r : records) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            if (r.value() != null) {
                pending.computeIfAbsent(tp, p -> new LinkedHashMap<>()).put(r.key(), r.value());
            }
            pendingOffsets.put(tp, r.offset() + 1);
        }
    }

    // Returns false only when the sink is stopping with the batch unwritten; its offsets are then not committed.
    private boolean writeUntilDone() {
        long backoff = 100;
        while (true) {
            long start = System.nanoTime();
            try {
                writer.write(pending.values().stream().map(Map::values).flatMap(Collection::stream).toList(), clock.instant())
                        .get();
                meter.batch(Duration.ofNanos(System.nanoTime() - start), false);
                written.add(pending.values().stream().mapToLong(Map::size).sum());
                if (retrying) {
                    LOG.info("audit store writable again; catching up");
                    consumer.resume(consumer.paused());
                    retrying = false;
                }
                return true;
            } catch (ExecutionException e) {
                meter.batch(Duration.ofNanos(System.nanoTime() - start), true);
                if (!retrying) {
                    LOG.warning("audit store write failed, holding the batch and retrying: " + e.getCause());
                }
                lastError = String.valueOf(e.getCause());
                retrying = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            if (!running) {
                return false;
            }
            consumer.pause(consumer.assignment());
            // Polling a paused consumer fetches nothing but keeps it in the group and runs rebalance callbacks.
            consumer.poll(Duration.ofMillis(backoff));
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        }
    }

    private void commit() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        pendingOffsets.forEach((tp, next) -> offsets.put(tp, new OffsetAndMetadata(next)));
        pending.clear();
        pendingOffsets.clear();
        try {
            consumer.commitSync(offsets);
        } catch (KafkaException e) {
            // The partitions moved to another member, which reads them from the last commit; rewriting is harmless.
            LOG.warning("row sink commit failed; the rows will be written again: " + e);
        }
    }

    /** Stops after the batch in hand is written and committed, or at once if Cassandra is failing. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drops what a revoked partition had in hand (its new owner reads it again) and keeps new ones paused while retrying. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(tp -> {
                pending.remove(tp);
                pendingOffsets.remove(tp);
            });
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (retrying) {
                consumer.pause(partitions);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }
    }

    /** Reads rows, logging and skipping one it cannot read (written by a newer recorder, say) rather than stopping. */
    private static final class LenientRows implements Deserializer<AuditRow> {
        private final Deserializer<AuditRow> json = SmileSerde.of(AuditRow.class);

        @Override
        public AuditRow deserialize(String topic, byte[] data) {
            try {
                return json.deserialize(topic, data);
            } catch (KafkaException e) {
                LOG.severe("skipping an unreadable row from " + topic + ": " + e.getMessage());
                return null;
            }
        }
    }
}
