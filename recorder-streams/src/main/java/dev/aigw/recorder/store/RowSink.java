package dev.aigw.recorder.store;

import dev.aigw.recorder.audit.AuditRow;
import dev.aigw.recorder.kafka.DeadLetters;
import dev.aigw.recorder.kafka.SmileSerde;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Copies the rows topic into Cassandra. It reads only committed rows, writes a polled batch (the latest version of each
 * row), and commits the batch's offsets only once every row is written or dead-lettered. While Cassandra fails
 * transiently it keeps the batch, pauses its partitions and retries with backoff (up to {@value #MAX_BACKOFF_MS} ms
 * apart), so no offset passes an unwritten row; then it catches up. A row Cassandra refuses for good (a key over its
 * limit, an invalid value: {@link WriteFailures}) goes to the rows' dead-letter topic with the table and the reason,
 * and the batch moves on without it ({@link RowWrites}). Rows hold absolute values, so writing one again after a crash
 * changes nothing.
 */
public final class RowSink implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RowSink.class.getName());
    private static final long MAX_BACKOFF_MS = 2_000;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    /** A dead-letter reason: Cassandra refused the row for good. */
    public static final String REJECTED = "store_rejected";
    /** Dead-letter header: the table that refused the row. */
    public static final String TABLE = "aigw.dlq.table";
    /** Dead-letter header: the row's type ({@code Interception}, {@code Usage}, ...). */
    public static final String ROW_TYPE = "aigw.dlq.row_type";

    private static final int DETAIL_CHARS = 500;
    private static final SmileSerde<AuditRow> ROWS = SmileSerde.of(AuditRow.class);

    private final KafkaConsumer<String, AuditRow> consumer;
    private final KafkaProducer<String, byte[]> deadLetters;
    private final String topic;
    private final String deadLetterTopic;
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
    private volatile Instant heldSince;
    private volatile long retries;
    private volatile long lag;

    /**
     * What the sink is doing, for the health endpoint and the metrics.
     *
     * @param heldSince when the sink took the rows it holds unwritten, or null when it holds none
     * @param retries   failed attempts to write the rows it holds
     * @param lag       rows on the topic not read yet, as of the last poll
     */
    public record Status(boolean running, boolean retrying, long rowsWritten, String lastError, Instant heldSince,
                         long retries, long lag) {
        /** How long the rows held have waited at {@code now}; zero when none are held. */
        public Duration held(Instant now) {
            return heldSince == null || now.isBefore(heldSince) ? Duration.ZERO : Duration.between(heldSince, now);
        }
    }

    private RowSink(Properties consumerConfig, Properties producerConfig, String topic, String deadLetterTopic,
                    CassandraAuditWriter writer, WriteMeter meter, Clock clock) {
        this.consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new LenientRows());
        this.deadLetters = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.deadLetterTopic = deadLetterTopic;
        this.writer = writer;
        this.meter = meter;
        this.clock = clock;
        this.thread = new Thread(this::run, "row-sink");
    }

    /**
     * Starts copying {@code topic} into Cassandra as consumer group {@code groupId}, sending rows Cassandra refuses for
     * good to {@code deadLetterTopic}.
     */
    public static RowSink start(String bootstrap, String groupId, String topic, String deadLetterTopic,
                                CassandraAuditWriter writer, WriteMeter meter, Clock clock) {
        Properties producer = new Properties();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // The topology writes rows in transactions; rows of an aborted one must never reach the store.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        RowSink sink = new RowSink(p, producer, topic, deadLetterTopic, writer, meter, clock);
        sink.thread.start();
        return sink;
    }

    /** What the sink is doing. */
    public Status status() {
        return new Status(thread.isAlive(), retrying, written.sum(), lastError, heldSince, retries, lag);
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic), new Rebalance());
            while (running) {
                ConsumerRecords<String, AuditRow> records = consumer.poll(POLL);
                lag = lag();
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
            deadLetters.close(Duration.ofSeconds(5));
        }
    }

    // Only the sink's thread may use the consumer, so the lag is read here and published.
    private long lag() {
        long sum = 0;
        for (TopicPartition tp : consumer.assignment()) {
            sum += consumer.currentLag(tp).orElse(0);
        }
        return sum;
    }

    private void add(ConsumerRecords<String, AuditRow> records) {
        if (heldSince == null) {
            heldSince = clock.instant();
        }
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
                switch (RowWrites.attempt(pending.values(), writer::write, this::deadLetter, clock.instant())) {
                    case RowWrites.Done done -> {
                        meter.batch(Duration.ofNanos(System.nanoTime() - start), false);
                        written.add(done.written());
                        if (retrying) {
                            LOG.info("audit store writable again; catching up");
                            consumer.resume(consumer.paused());
                            retrying = false;
                        }
                        return true;
                    }
                    case RowWrites.Held held -> {
                        meter.batch(Duration.ofNanos(System.nanoTime() - start), true);
                        if (!retrying) {
                            LOG.warning("audit store write failed, holding the batch and retrying: " + held.cause());
                        }
                        lastError = String.valueOf(held.cause());
                        retrying = true;
                        retries++;
                    }
                }
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
            lag = lag();
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        }
    }

    // The row itself came through Kafka, so it fits a record; the log names its type and table, never its content.
    private void deadLetter(String key, AuditRow row, String table, Throwable failure) throws Exception {
        String type = row.getClass().getSimpleName();
        String detail = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        detail = detail.length() > DETAIL_CHARS ? detail.substring(0, DETAIL_CHARS) : detail;
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(deadLetterTopic, key, ROWS.serialize(topic, row));
        letter.headers().add(DeadLetters.REASON, bytes(REJECTED)).add(DeadLetters.DETAIL, bytes(detail))
                .add(TABLE, bytes(table)).add(ROW_TYPE, bytes(type));
        deadLetters.send(letter).get(30, TimeUnit.SECONDS);
        meter.deadLettered(REJECTED);
        LOG.warning("audit store refused a " + type + " row for good in table " + table + "; sent to " + deadLetterTopic
                + " and moving on: " + detail);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void commit() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        pendingOffsets.forEach((tp, next) -> offsets.put(tp, new OffsetAndMetadata(next)));
        pending.clear();
        pendingOffsets.clear();
        heldSince = null;
        retries = 0;
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
            if (pendingOffsets.isEmpty()) {
                heldSince = null;
                retries = 0;
            }
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
        private final Deserializer<AuditRow> rows = SmileSerde.of(AuditRow.class);

        @Override
        public AuditRow deserialize(String topic, byte[] data) {
            try {
                return rows.deserialize(topic, data);
            } catch (KafkaException e) {
                LOG.severe("skipping an unreadable row from " + topic + ": " + e.getMessage());
                return null;
            }
        }
    }
}
