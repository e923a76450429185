package dev.aigw.gateway.sink;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.gateway.config.AuditFailureMode;
import dev.aigw.gateway.config.SpoolConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The gateway's event sink: a bounded in-memory queue in front of an idempotent Kafka producer ({@code acks=all},
 * lz4), with a spool on disk for whatever Kafka does not take in time. {@link #emit} never waits; a crash loses at
 * most what was queued or in flight in memory, never what was spooled. The getters are for health and metrics.
 */
public final class DurableSink implements EventSink, Admission {
    private static final Logger LOG = Logger.getLogger(DurableSink.class.getName());
    private static final int QUEUE_CAPACITY = 65_536;
    private static final long SEGMENT_BYTES = 64L << 20;
    private static final Duration FLUSH = Duration.ofSeconds(10);
    private static final Duration METADATA_WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<InterceptionEvent> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final SpoolConfig config;
    private final SinkStatus status;
    private final LongSupplier ticker;
    private final AtomicLong refused = new AtomicLong();
    private final Throttle refusalLog = new Throttle(Duration.ofMinutes(1));
    private final Dispatcher dispatcher;
    private final Thread thread;
    private volatile boolean closed;

    private DurableSink(SpoolConfig config, Spool spool, DeadLetters deadLetters, Producer<byte[], byte[]> producer,
                        Serializer<InterceptionEvent> values, String topic, LongSupplier ticker) {
        this.config = config;
        this.ticker = ticker;
        this.status = new SinkStatus(ticker);
        this.dispatcher = new Dispatcher(queue, producer, values, topic, spool, deadLetters, config, status, ticker);
        status.observe(spool);
        this.thread = Thread.ofPlatform().name("aigw-event-sink").daemon().start(dispatcher);
    }

    /**
     * Opens the spool, taking over what an earlier run left there (sent before any new event), and starts sending.
     * Fails when the spool cannot be opened or another process holds it. {@code ticker} is the sink's clock in
     * nanoseconds ({@link System#nanoTime()}), for its pauses, stalls and flush deadline.
     */
    public static DurableSink start(String bootstrap, String topic, SpoolConfig config, Serializer<InterceptionEvent> values,
                                    LongSupplier ticker) {
        Spool spool;
        try {
            spool = Spool.open(config.dir(), SEGMENT_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the spool " + config.dir(), e);
        }
        DeadLetters deadLetters;
        try {
            deadLetters = DeadLetters.open(config.dir(), config.deadLetterMaxBytes());
        } catch (IOException e) {
            closeQuietly(spool);
            throw new UncheckedIOException("cannot open the dead letters in " + config.dir(), e);
        }
        if (!spool.isEmpty()) {
            LOG.info("the spool " + config.dir() + " holds " + spool.records()
                    + " events from an earlier run; sending them first");
        }
        Producer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                // The producer retries until Kafka takes a record; the spool, not a timeout, bounds what waits.
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE,
                // Without the topic's metadata (lost when the client re-bootstraps during an outage) a send fails at
                // once instead of blocking the sink's thread; the record waits in the spool and is tried again.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 0,
                ProducerConfig.METADATA_MAX_IDLE_CONFIG, Duration.ofDays(1).toMillis(),
                ProducerConfig.CLIENT_ID_CONFIG, "aigw-gateway"), new ByteArraySerializer(), new ByteArraySerializer());
        awaitMetadata(producer, topic, ticker);
        return new DurableSink(config, spool, deadLetters, producer, values, topic, ticker);
    }

    private static void closeQuietly(Spool spool) {
        try {
            spool.close();
        } catch (IOException e) {
            LOG.warning("cannot close the spool " + spool.dir() + ": " + e);
        }
    }

    // Each failed attempt asks the producer's thread to fetch the metadata, so the first events need not wait in the spool.
    private static void awaitMetadata(Producer<byte[], byte[]> producer, String topic, LongSupplier ticker) {
        long deadline = ticker.getAsLong() + METADATA_WAIT.toNanos();
        while (true) {
            try {
                producer.partitionsFor(topic);
                return;
            } catch (RuntimeException e) {
                if (ticker.getAsLong() - deadline > 0) {
                    LOG.warning("no metadata for topic " + topic + " yet (" + e.getMessage() + "); events wait in the spool");
                    return;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void emit(InterceptionEvent event) {
        if (closed || !queue.offer(event)) {
            status.drop(1, closed ? "the gateway is shut down" : "the event queue is full (" + QUEUE_CAPACITY + " events)");
        }
    }

    @Override
    public boolean tryAdmit() {
        if (config.failureMode() == AuditFailureMode.OPEN || canRecord()) {
            return true;
        }
        long count = refused.incrementAndGet();
        if (refusalLog.due()) {
            LOG.warning("refusing new interceptions: Kafka is behind and the spool " + config.dir() + " holds "
                    + status.spoolBytes() + " of " + config.maxBytes() + " bytes (" + count + " refused since start)");
        }
        return false;
    }

    /** Whether a new interception's events have somewhere to go: Kafka keeps up, or the spool has room. */
    public boolean canRecord() {
        return queue.remainingCapacity() > QUEUE_CAPACITY / 10
                && (status.direct() || status.spoolWritable() && status.spoolBytes() < config.maxBytes());
    }

    /** Whether Kafka keeps up, so events go to it straight from memory. */
    public boolean kafkaKeepsUp() {
        return status.direct();
    }

    /** Events waiting in the in-memory queue. */
    public int queuedEvents() {
        return queue.size();
    }

    /** Events in the spool that Kafka has not acknowledged. */
    public long spooledEvents() {
        return status.spooledEvents();
    }

    /** Bytes of the spool's files. */
    public long spoolBytes() {
        return status.spoolBytes();
    }

    /** Events Kafka will never take, kept in the spool's dead letters since start, for {@code reason}. */
    public long deadLetteredEvents(DeadLetterReason reason) {
        return status.deadLetteredEvents(reason);
    }

    /** How long the spool's oldest record has been waiting for Kafka; zero while events go straight to Kafka. */
    public Duration headWaiting() {
        return status.headWaiting();
    }

    /** Failed tries in a row to hand the oldest waiting record to Kafka; zero once Kafka takes one. */
    public int headFailures() {
        return status.headFailures();
    }

    /** Whether the spool's oldest record has waited for Kafka longer than {@code SPOOL_STALL_TIMEOUT}. */
    public boolean stalled() {
        return status.stalled(config.stallTimeout());
    }

    /**
     * Events lost since start: queue full, spool full in open mode, spool unwritable, a dead letter that could not be
     * written, after shutdown.
     */
    public long droppedEvents() {
        return status.dropped();
    }

    /** Interceptions refused with 503 since start (closed mode with a full spool). */
    public long refusedInterceptions() {
        return refused.get();
    }

    /** The spool's options. */
    public SpoolConfig config() {
        return config;
    }

    /** Sends what is queued, waits up to 10 s for Kafka's acknowledgements, and leaves the rest in the spool. */
    @Override
    public void close() {
        dispatcher.close(ticker.getAsLong() + FLUSH.toNanos());
        try {
            thread.join(FLUSH.plusSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        if (!queue.isEmpty()) {
            status.drop(queue.size(), "emitted after the event sink closed");
            queue.clear();
        }
    }
}
