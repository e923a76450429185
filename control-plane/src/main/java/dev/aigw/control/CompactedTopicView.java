package dev.aigw.control;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The latest value per key of a compacted topic, in memory: read from the beginning to the end offsets seen at start
 * (then {@link #ready()}), and followed on a background thread after that. A null value (tombstone) removes the key.
 *
 * <p>A record that cannot be decoded does not stop the view: it is logged, its key's last value is dropped, and the
 * problem is kept in {@link #failures()} until a later record for that key decodes, so a caller can refuse to start.
 *
 * @param <V> decoded value
 */
public final class CompactedTopicView<V> implements TopicView<V>, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CompactedTopicView.class.getName());
    // Short enough that a change is seen well within the 2 s the control plane promises.
    private static final Duration POLL = Duration.ofMillis(100);

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final BiFunction<String, byte[], V> decoder;
    private final Map<String, V> values = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Map<Integer, Long> positions = new ConcurrentHashMap<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    private CompactedTopicView(String bootstrap, String topic, BiFunction<String, byte[], V> decoder) {
        this.topic = topic;
        this.decoder = decoder;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "aigw-view-" + topic),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = Thread.ofPlatform().daemon().name("view-" + topic).unstarted(this::run);
    }

    /** Starts following {@code topic}; {@code decoder} turns (key, bytes) into a value and may throw. */
    public static <V> CompactedTopicView<V> start(String bootstrap, String topic, BiFunction<String, byte[], V> decoder) {
        CompactedTopicView<V> view = new CompactedTopicView<>(bootstrap, topic, decoder);
        view.thread.start();
        return view;
    }

    /** Whether the view has read everything the topic held when it started. */
    public boolean ready() {
        return ready.getCount() == 0;
    }

    /** Waits until {@link #ready()}; throws {@link IllegalStateException} on timeout. */
    public void awaitReady(Duration timeout) {
        if (!await(ready, timeout)) {
            throw new IllegalStateException("control topic " + topic + " was not read to its end within " + timeout);
        }
    }

    @Override
    public Optional<V> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public Map<String, V> snapshot() {
        return Map.copyOf(values);
    }

    /** Records that could not be decoded, by key: the message of the failure. */
    public Map<String, String> failures() {
        return Map.copyOf(failures);
    }

    /** Waits until the view has applied the record at {@code offset} of {@code partition}. */
    public void awaitApplied(int partition, long offset, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (positions.getOrDefault(partition, 0L) <= offset) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("view of " + topic + " did not reach offset " + offset + " within " + timeout);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the view of " + topic, e);
            }
        }
    }

    private void run() {
        try {
            List<TopicPartition> partitions = partitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                    apply(r);
                }
                for (TopicPartition p : partitions) {
                    positions.put(p.partition(), consumer.position(p));
                }
                if (ready.getCount() > 0 && ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    ready.countDown();
                    LOG.info("control topic " + topic + " read to its end: " + values.size() + " entries");
                }
            }
        } catch (WakeupException e) {
            // close() woke the consumer up: the loop ends here.
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "following control topic " + topic + " stopped", e);
        } finally {
            consumer.close();
        }
    }

    private List<TopicPartition> partitions() {
        while (running) {
            var infos = consumer.partitionsFor(topic);
            if (!infos.isEmpty()) {
                return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            }
            LOG.warning("control topic " + topic + " has no partitions yet; waiting");
            // Not poll(): a consumer with nothing assigned refuses to poll.
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new WakeupException();
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (r.key() == null) {
            LOG.warning("ignoring a record without key at " + topic + "-" + r.partition() + "@" + r.offset());
            return;
        }
        if (r.value() == null) {
            values.remove(r.key());
            failures.remove(r.key());
            return;
        }
        try {
            values.put(r.key(), decoder.apply(r.key(), r.value()));
            failures.remove(r.key());
        } catch (RuntimeException e) {
            values.remove(r.key());
            failures.put(r.key(), e.getMessage());
            LOG.severe("cannot apply " + topic + " record for " + r.key() + " at offset " + r.offset() + ": " + e.getMessage());
        }
    }

    private static boolean await(CountDownLatch latch, Duration timeout) {
        try {
            return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
