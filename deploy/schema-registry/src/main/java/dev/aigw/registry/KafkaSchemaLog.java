package dev.aigw.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** {@link SchemaLog} on a single-partition compacted topic, followed by one reader thread. */
final class KafkaSchemaLog implements SchemaLog {
    private static final Logger LOG = Logger.getLogger(KafkaSchemaLog.class.getName());
    private static final long TIMEOUT_MS = 30_000;

    private final TopicPartition partition;
    private final Predicate<LogRecord> sink;
    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread reader;
    private final Object progress = new Object();
    private long applied;
    private volatile RuntimeException failure;
    private volatile boolean closing;

    private KafkaSchemaLog(RegistryConfig config, Predicate<LogRecord> sink) {
        this.partition = new TopicPartition(config.topic(), 0);
        this.sink = sink;
        Properties common = new Properties();
        common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        this.admin = Admin.create(common);
        Properties producerProps = new Properties();
        producerProps.putAll(common);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
        Properties consumerProps = new Properties();
        consumerProps.putAll(common);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        // No consumer group: every instance must read the whole topic, and positions are never committed.
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        this.reader = Thread.ofPlatform().name("schemas-log-reader").daemon().unstarted(this::follow);
    }

    /** Opens the log, applies the whole topic to {@code sink} and then keeps following it. */
    static KafkaSchemaLog open(RegistryConfig config, Predicate<LogRecord> sink) {
        KafkaSchemaLog log = new KafkaSchemaLog(config, sink);
        try {
            SchemaTopic.ensure(log.admin, config);
            long end = log.consumer.endOffsets(List.of(log.partition)).get(log.partition);
            while (log.consumer.position(log.partition) < end) {
                log.poll();
            }
            LOG.info(() -> "Read " + end + " offsets of " + config.topic() + "; following it");
            log.reader.start();
            return log;
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    @Override
    public void append(LogRecord record) {
        try {
            long offset = producer.send(new ProducerRecord<>(partition.topic(), partition.partition(),
                    LogCodec.key(record), LogCodec.value(record))).get(TIMEOUT_MS, TimeUnit.MILLISECONDS).offset();
            awaitApplied(offset + 1);
        } catch (ExecutionException e) {
            throw RegistryException.storeError("cannot write to " + partition.topic() + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw RegistryException.timeout("writing to " + partition.topic());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.storeError("interrupted writing to " + partition.topic(), e);
        }
    }

    @Override
    public void sync() {
        try {
            long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).offset();
            awaitApplied(end);
        } catch (ExecutionException e) {
            throw RegistryException.storeError("cannot read the end of " + partition.topic() + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw RegistryException.timeout("reading the end of " + partition.topic());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.storeError("interrupted reading " + partition.topic(), e);
        }
    }

    @Override
    public boolean ready() {
        return reader.isAlive() && failure == null;
    }

    private void awaitApplied(long position) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        synchronized (progress) {
            while (applied < position) {
                if (failure != null) {
                    throw RegistryException.storeError("the reader of " + partition.topic() + " stopped", failure);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw RegistryException.timeout("reading " + partition.topic() + " up to offset " + position);
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
        }
    }

    private void follow() {
        try {
            while (!closing) {
                poll();
            }
        } catch (WakeupException e) {
            // close() woke us up; nothing is lost, the state is rebuilt from the topic on the next start.
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Stopped following " + partition.topic() + "; this instance is no longer ready", e);
            failure = e;
        }
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    private void poll() {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            apply(record);
        }
        long position = consumer.position(partition);
        synchronized (progress) {
            applied = position;
            progress.notifyAll();
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            LogRecord decoded = LogCodec.decode(record.value());
            if (!sink.test(decoded)) {
                LOG.fine(() -> "Ignored " + decoded + " at offset " + record.offset() + ": an earlier record took its place");
            }
        } catch (IllegalArgumentException e) {
            // Skipping keeps the registry serving when the topic holds something we did not write (a Confluent registry's
            // own records, say); every instance skips the same records, so they still agree.
            LOG.warning(() -> "Skipped unreadable record at offset " + record.offset() + " of " + partition.topic() + ": "
                    + e.getMessage());
        }
    }

    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            if (reader.isAlive()) {
                reader.join(TIMEOUT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
        producer.close();
        admin.close();
    }
}
