package dev.aigw.gateway.sink;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.gateway.config.AuditFailureMode;
import dev.aigw.gateway.config.FsyncPolicy;
import dev.aigw.gateway.config.SpoolConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The sink's one thread. While Kafka keeps up, events go from the queue straight to the producer. When Kafka falls
 * behind (a full window of unacknowledged records, the oldest unacknowledged for over a second, or a send refused for
 * want of metadata), what the producer holds is copied to the spool as already sent, and every later event is appended
 * to the spool and sent from there in order, a window at a time. Once Kafka has acknowledged everything in the spool, events go straight to it again.
 * Whenever the spool holds records, everything in flight is in it too, so the spool alone is the backlog.
 */
final class Dispatcher implements Runnable {
    private static final Logger LOG = Logger.getLogger(DurableSink.class.getName());
    private static final int WINDOW_RECORDS = 10_000;
    private static final long WINDOW_BYTES = 16L << 20;
    private static final long SLOW = Duration.ofSeconds(1).toNanos();
    private static final long RETRY = Duration.ofSeconds(1).toNanos();
    private static final long CHECKPOINT = Duration.ofSeconds(1).toNanos();
    private static final int BATCH = 1024;

    private final BlockingQueue<InterceptionEvent> queue;
    private final Producer<byte[], byte[]> producer;
    private final Serializer<InterceptionEvent> serializer;
    private final String topic;
    private final Spool spool;
    private final SpoolConfig config;
    private final SinkStatus status;
    private final Throttle kafkaLog = new Throttle(Duration.ofMinutes(1));
    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    private long inFlightBytes;
    private long retryAt = System.nanoTime();
    private long lastSync = System.nanoTime();
    private long lastCheckpoint = System.nanoTime();
    private volatile long closeBy;
    private volatile boolean closing;

    Dispatcher(BlockingQueue<InterceptionEvent> queue, Producer<byte[], byte[]> producer,
               Serializer<InterceptionEvent> serializer, String topic, Spool spool, SpoolConfig config, SinkStatus status) {
        this.queue = queue;
        this.producer = producer;
        this.serializer = serializer;
        this.topic = topic;
        this.spool = spool;
        this.config = config;
        this.status = status;
    }

    /** Asks the thread to take what is queued, wait for Kafka's acknowledgements until {@code deadline}, and stop. */
    void close(long deadline) {
        closeBy = deadline;
        closing = true;
    }

    @Override
    public void run() {
        try {
            while (!closing || !queue.isEmpty()) {
                InterceptionEvent next = queue.poll(20, TimeUnit.MILLISECONDS);
                try {
                    step(next);
                } catch (RuntimeException e) {
                    // A bug here must not stop the audit trail for good: the next step starts from the spool's state.
                    LOG.log(Level.SEVERE, "the event sink failed a step; carrying on", e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finish();
    }

    private void step(InterceptionEvent first) {
        List<InterceptionEvent> batch = new ArrayList<>();
        if (first != null) {
            batch.add(first);
            queue.drainTo(batch, BATCH);
        }
        settle(false);
        if (spool.isEmpty() && !inFlight.isEmpty() && System.nanoTime() - inFlight.peekFirst().sentAt() > SLOW) {
            spoolInFlight();
        }
        batch.forEach(this::accept);
        if (!closing) {
            replay();
        }
        syncAndCheckpoint(false);
        status.observe(spool);
    }

    private void accept(InterceptionEvent event) {
        SpoolRecord record;
        try {
            byte[] key = event.getInterceptionId().getBytes(StandardCharsets.UTF_8);
            record = new SpoolRecord(key, serializer.serialize(topic, event));
        } catch (RuntimeException e) {
            status.drop(1, "event " + event.getEventId() + " cannot be serialized: " + e.getMessage());
            return;
        }
        if (spool.isEmpty() && System.nanoTime() - retryAt >= 0 && inFlight.size() < WINDOW_RECORDS
                && inFlightBytes < WINDOW_BYTES && send(new InFlight(record, System.nanoTime()))) {
            return;
        }
        if (spool.isEmpty()) {
            spoolInFlight();
        }
        spool(record);
    }

    private void spool(SpoolRecord record) {
        if (config.failureMode() == AuditFailureMode.OPEN && spool.bytes() >= config.maxBytes()) {
            status.drop(1, "the spool " + spool.dir() + " is full (" + config.maxBytes() + " bytes) and Kafka is behind");
            return;
        }
        try {
            spool.append(record);
            status.spoolWritable(true);
        } catch (IOException e) {
            status.spoolWritable(false);
            status.drop(1, "the spool " + spool.dir() + " cannot be written: " + e);
        }
    }

    // Copies what the producer holds into the empty spool, as sent, so it outlives a crash and stays ahead of what follows.
    private void spoolInFlight() {
        try {
            for (InFlight sent : inFlight) {
                if (sent.spooled() == null) {
                    sent.spooledAs(spool.appendSent(sent.record()));
                }
            }
            status.spoolWritable(true);
        } catch (IOException e) {
            status.spoolWritable(false);
            LOG.severe("cannot copy the events Kafka has not acknowledged to the spool " + spool.dir() + ": " + e);
        }
    }

    private void replay() {
        if (System.nanoTime() - retryAt < 0) {
            return;
        }
        try {
            while (inFlight.size() < WINDOW_RECORDS && inFlightBytes < WINDOW_BYTES && spool.hasUnread()) {
                Spool.Spooled next = spool.next().orElseThrow();
                if (!send(new InFlight(next, System.nanoTime()))) {
                    spool.rewind(next.start());
                    return;
                }
            }
        } catch (IOException e) {
            retryAt = System.nanoTime() + RETRY;
            if (kafkaLog.due()) {
                LOG.severe("cannot read the spool " + spool.dir() + ": " + e);
            }
        }
    }

    /**
     * Hands a record to the producer; false when the producer refused it at once (it calls back before returning when
     * it has no metadata for the topic, as after re-bootstrapping during an outage): then nothing was sent, and
     * nothing more is tried for a second.
     */
    private boolean send(InFlight record) {
        inFlight.addLast(record);
        inFlightBytes += record.record().size();
        try {
            producer.send(new ProducerRecord<>(topic, record.record().key(), record.record().value()), record);
        } catch (RuntimeException e) {
            record.onCompletion(null, e);
        }
        if (record.completed() && record.error() != null) {
            inFlight.removeLast();
            inFlightBytes -= record.record().size();
            retryAt = System.nanoTime() + RETRY;
            if (kafkaLog.due()) {
                LOG.warning("Kafka does not take events (" + record.error().getMessage() + "); they wait in the spool");
            }
            return false;
        }
        return true;
    }

    // Acknowledgements are taken in send order, so the spool's acknowledged position only moves over delivered records.
    private void settle(boolean finishing) {
        while (!inFlight.isEmpty() && inFlight.peekFirst().completed()) {
            InFlight head = inFlight.peekFirst();
            Exception error = head.error();
            boolean undeliverable = error instanceof RecordTooLargeException || error instanceof RecordBatchTooLargeException;
            if (error != null && !undeliverable) {
                if (!finishing) {
                    sendAgain(error);
                }
                return;
            }
            inFlight.removeFirst();
            inFlightBytes -= head.record().size();
            if (undeliverable) {
                status.drop(1, "Kafka refuses an event of interception "
                        + new String(head.record().key(), StandardCharsets.UTF_8) + ": " + error.getMessage());
            }
            if (head.spooled() != null) {
                acknowledge(head);
            }
        }
    }

    private void acknowledge(InFlight delivered) {
        try {
            spool.acknowledge(delivered.spooled().end());
        } catch (IOException e) {
            LOG.warning("cannot delete delivered spool segments in " + spool.dir() + ": " + e);
        }
    }

    /**
     * The producer failed a record it had taken. It retries what can be retried by itself, so this is an error it does
     * not retry (an authorization failure, say). Everything from that record on is sent again from the spool after a
     * pause; later records the producer did deliver arrive twice, which the recorder's de-duplication by event id
     * absorbs.
     */
    private void sendAgain(Exception error) {
        if (kafkaLog.due()) {
            LOG.warning("Kafka did not take an event (" + error + "); sending again from the first unacknowledged one");
        }
        List<InFlight> pending = new ArrayList<>(inFlight);
        inFlight.clear();
        inFlightBytes = 0;
        retryAt = System.nanoTime() + RETRY;
        Spool.Spooled from = null;
        for (InFlight record : pending) {
            if (record.spooled() == null) {
                spool(record.record());
            } else if (from == null) {
                from = record.spooled();
            }
        }
        if (from != null) {
            spool.rewind(from.start());
        }
    }

    private void syncAndCheckpoint(boolean now) {
        long time = System.nanoTime();
        try {
            if (now || config.fsync() == FsyncPolicy.ALWAYS
                    || config.fsync() == FsyncPolicy.INTERVAL && time - lastSync >= config.fsyncInterval().toNanos()) {
                spool.force();
                lastSync = time;
            }
            if (now || time - lastCheckpoint >= CHECKPOINT) {
                spool.checkpoint(now || config.fsync() != FsyncPolicy.NEVER);
                lastCheckpoint = time;
            }
        } catch (IOException e) {
            status.spoolWritable(false);
            if (kafkaLog.due()) {
                LOG.severe("cannot sync the spool " + spool.dir() + ": " + e);
            }
        }
    }

    // Flushes the producer until the deadline, leaves what Kafka has not acknowledged in the spool, and closes both.
    private void finish() {
        while (!inFlight.isEmpty() && !(inFlight.peekFirst().completed() && inFlight.peekFirst().error() != null)
                && System.nanoTime() - closeBy < 0) {
            settle(true);
            if (!pause()) {
                break;
            }
        }
        if (spool.isEmpty()) {
            spoolInFlight();
        }
        producer.close(Duration.ZERO);
        settle(true);
        syncAndCheckpoint(true);
        status.observe(spool);
        LOG.info(spool.isEmpty() ? "event sink closed: every event delivered"
                : "event sink closed: " + spool.records() + " events left in the spool " + spool.dir() + " for the next start");
        try {
            spool.close();
        } catch (IOException e) {
            LOG.warning("cannot close the spool " + spool.dir() + ": " + e);
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(10);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
