package dev.aigw.gateway.sink;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.gateway.config.AuditFailureMode;
import dev.aigw.gateway.config.FsyncPolicy;
import dev.aigw.gateway.config.SpoolConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The sink's one thread. While Kafka keeps up, events go from the queue straight to the producer. When Kafka falls
 * behind (a full window of unacknowledged records, the oldest unacknowledged for over a second, or a send refused for
 * want of metadata), what the producer holds is copied to the spool as already sent, and every later event is appended
 * to the spool and sent from there in order, a window at a time. Once Kafka has acknowledged everything in the spool, events go straight to it again.
 * Whenever the spool holds records, everything in flight is in it too, so the spool alone is the backlog.
 *
 * <p>Every failure is either one Kafka may get over (broker down, no metadata, an ACL not granted yet: tried again,
 * with a pause that grows while it lasts) or one it never will for this record ({@link DeadLetterReason}: the record is
 * kept in the dead letters and the next one goes on), so no record can hold up the ones behind it.
 */
final class Dispatcher implements Runnable {
    private static final Logger LOG = Logger.getLogger(DurableSink.class.getName());
    private static final int WINDOW_RECORDS = 10_000;
    private static final long WINDOW_BYTES = 16L << 20;
    private static final long SLOW = Duration.ofSeconds(1).toNanos();
    private static final long SPOOL_RETRY = Duration.ofSeconds(1).toNanos();
    private static final int LOGGED_MESSAGE = 200;
    private static final long CHECKPOINT = Duration.ofSeconds(1).toNanos();
    private static final int BATCH = 1024;

    private final BlockingQueue<InterceptionEvent> queue;
    private final Producer<byte[], byte[]> producer;
    private final Serializer<InterceptionEvent> serializer;
    private final String topic;
    private final Spool spool;
    private final DeadLetters deadLetters;
    private final SpoolConfig config;
    private final SinkStatus status;
    private final LongSupplier clock;
    private final Throttle kafkaLog = new Throttle(Duration.ofMinutes(1));
    private final Throttle deadLetterLog = new Throttle(Duration.ofMinutes(1));
    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    private final Backoff backoff = new Backoff();
    private long inFlightBytes;
    private long retryAt;
    private long lastSync;
    private long lastCheckpoint;
    private volatile long closeBy;
    private volatile boolean closing;

    /** {@code clock} is {@link System#nanoTime()} but in tests. */
    Dispatcher(BlockingQueue<InterceptionEvent> queue, Producer<byte[], byte[]> producer,
               Serializer<InterceptionEvent> serializer, String topic, Spool spool, DeadLetters deadLetters,
               SpoolConfig config, SinkStatus status, LongSupplier clock) {
        this.queue = queue;
        this.producer = producer;
        this.serializer = serializer;
        this.topic = topic;
        this.spool = spool;
        this.deadLetters = deadLetters;
        this.config = config;
        this.status = status;
        this.clock = clock;
        this.retryAt = clock.getAsLong();
        this.lastSync = retryAt;
        this.lastCheckpoint = retryAt;
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

    /** Takes {@code first} (if any) and what else is queued, settles what Kafka answered, and sends what may go now. */
    void step(InterceptionEvent first) {
        List<InterceptionEvent> batch = new ArrayList<>();
        if (first != null) {
            batch.add(first);
            queue.drainTo(batch, BATCH);
        }
        settle(false);
        if (spool.isEmpty() && !inFlight.isEmpty() && clock.getAsLong() - inFlight.peekFirst().sentAt() > SLOW) {
            spoolInFlight();
        }
        batch.forEach(this::accept);
        if (!closing) {
            replay();
        }
        syncAndCheckpoint(false);
        status.observe(spool);
        status.headFailures(backoff.failures());
    }

    private void accept(InterceptionEvent event) {
        SpoolRecord record;
        byte[] key = event.getInterceptionId().getBytes(StandardCharsets.UTF_8);
        try {
            record = new SpoolRecord(key, serializer.serialize(topic, event));
        } catch (RuntimeException e) {
            // Encoding the same event again fails the same way: whatever the exception, it is never getting to Kafka.
            deadLetter(new SpoolRecord(key, readable(event).getBytes(StandardCharsets.UTF_8)),
                    DeadLetterReason.SERIALIZATION, e);
            return;
        }
        if (spool.isEmpty() && clock.getAsLong() - retryAt >= 0 && inFlight.size() < WINDOW_RECORDS
                && inFlightBytes < WINDOW_BYTES && send(new InFlight(record, clock.getAsLong()))) {
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
        if (clock.getAsLong() - retryAt < 0) {
            return;
        }
        try {
            while (inFlight.size() < WINDOW_RECORDS && inFlightBytes < WINDOW_BYTES && spool.hasUnread()) {
                Spool.Spooled next = spool.next().orElseThrow();
                if (!send(new InFlight(next, clock.getAsLong()))) {
                    spool.rewind(next.start());
                    return;
                }
            }
        } catch (IOException e) {
            retryAt = clock.getAsLong() + SPOOL_RETRY;
            if (kafkaLog.due()) {
                LOG.severe("cannot read the spool " + spool.dir() + ": " + e);
            }
        }
    }

    /**
     * Hands a record to the producer; false when the producer refused it at once for a reason that may pass (it calls
     * back before returning when it has no metadata for the topic, as after re-bootstrapping during an outage): then
     * nothing was sent, and nothing more is tried until the backoff has passed. A record refused at once for good
     * (over {@code max.request.size}) stays in line, to be settled in order with the records sent before it.
     */
    private boolean send(InFlight record) {
        inFlight.addLast(record);
        inFlightBytes += record.record().size();
        try {
            producer.send(new ProducerRecord<>(topic, record.record().key(), record.record().value()), record);
        } catch (RuntimeException e) {
            record.onCompletion(null, e);
        }
        if (record.completed() && record.error() != null && DeadLetterReason.of(record.error()).isEmpty()) {
            inFlight.removeLast();
            inFlightBytes -= record.record().size();
            retryAt = clock.getAsLong() + backoff.failed();
            if (kafkaLog.due()) {
                LOG.warning("Kafka does not take events (" + describe(record.error()) + "); they wait in the spool");
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
            Optional<DeadLetterReason> never = error == null ? Optional.empty() : DeadLetterReason.of(error);
            if (error != null && never.isEmpty()) {
                if (!finishing) {
                    sendAgain(error);
                }
                return;
            }
            inFlight.removeFirst();
            inFlightBytes -= head.record().size();
            if (never.isPresent()) {
                deadLetter(head.record(), never.get(), error);
            } else {
                backoff.reset();
            }
            if (head.spooled() != null) {
                acknowledge(head);
                status.headMoved();
            }
        }
    }

    // The record leaves the line whether or not its letter can be written: waiting would not make Kafka take it.
    private void deadLetter(SpoolRecord record, DeadLetterReason reason, Exception error) {
        String interception = new String(record.key(), StandardCharsets.UTF_8);
        try {
            Path file = deadLetters.keep(record, reason, describe(error), Instant.now());
            long total = status.deadLettered(reason);
            if (deadLetterLog.due()) {
                LOG.warning("Kafka will never take an event of interception " + interception + " (" + reason.label()
                        + ": " + describe(error) + "); kept in " + file + ", sending the next ones (" + total
                        + " dead letters since start)");
            }
        } catch (IOException e) {
            status.drop(1, "an event of interception " + interception + " that Kafka will never take ("
                    + reason.label() + ") cannot be kept in " + deadLetters.dir() + ": " + e);
        }
    }

    // The event as Avro's JSON text, for the letter of an event that has no wire form; a payload Avro cannot even show
    // (not of the union) leaves the letter its key and failure only.
    private static String readable(InterceptionEvent event) {
        try {
            return event.toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    // An exception's message may quote what it failed on; a log line gets its start only, never a payload's worth.
    private static String describe(Exception error) {
        String message = String.valueOf(error.getMessage());
        return error.getClass().getSimpleName() + ": "
                + (message.length() > LOGGED_MESSAGE ? message.substring(0, LOGGED_MESSAGE) + "…" : message);
    }

    private void acknowledge(InFlight delivered) {
        try {
            spool.acknowledge(delivered.spooled().end());
        } catch (IOException e) {
            LOG.warning("cannot delete delivered spool segments in " + spool.dir() + ": " + e);
        }
    }

    /**
     * The producer failed a record it had taken for a reason that may pass. It retries what can be retried by itself,
     * so this is an error it does not retry (an authorization failure, say). Everything from that record on is sent
     * again from the spool after the backoff; later records the producer did deliver arrive twice, which the recorder's
     * de-duplication by event id absorbs.
     */
    private void sendAgain(Exception error) {
        if (kafkaLog.due()) {
            LOG.warning("Kafka did not take an event (" + describe(error) + "); sending again from the first"
                    + " unacknowledged one");
        }
        List<InFlight> pending = new ArrayList<>(inFlight);
        inFlight.clear();
        inFlightBytes = 0;
        retryAt = clock.getAsLong() + backoff.failed();
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
        long time = clock.getAsLong();
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
        while (!inFlight.isEmpty() && clock.getAsLong() - closeBy < 0) {
            settle(true);
            if (!inFlight.isEmpty() && inFlight.peekFirst().completed() || !pause()) {
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
