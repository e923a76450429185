package dev.aigw.gateway.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.PromptUsage;
import dev.aigw.gateway.config.AuditFailureMode;
import dev.aigw.gateway.config.FsyncPolicy;
import dev.aigw.gateway.config.SpoolConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink's thread driven step by step against Kafka's {@link MockProducer}, whose sends complete only when the test
 * says so, and a clock the test moves: what Kafka will never take goes to the dead letters and the records behind it
 * go on; what may pass is tried again after a growing pause, in order.
 */
class DispatcherTest {
    private static final String TOPIC = "aigw.interceptions.v1";
    private static final String UNSERIALIZABLE = "unserializable";
    private static final Serializer<InterceptionEvent> VALUES = (topic, event) -> {
        if (event.getEventId().equals(UNSERIALIZABLE)) {
            throw new IllegalArgumentException("no such schema");
        }
        return event.getEventId().getBytes(StandardCharsets.UTF_8);
    };

    @TempDir
    Path dir;

    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final AtomicLong now = new AtomicLong();
    private final SinkStatus status = new SinkStatus(now::get);
    private Spool spool;
    private Dispatcher dispatcher;

    @BeforeEach
    void start() throws IOException {
        spool = Spool.open(dir, 1 << 20);
        SpoolConfig config = new SpoolConfig(dir, 1L << 30, FsyncPolicy.NEVER, Duration.ofSeconds(1),
                AuditFailureMode.CLOSED, 1L << 20, Duration.ofMinutes(5));
        dispatcher = new Dispatcher(new ArrayBlockingQueue<>(16), producer, VALUES, TOPIC, spool,
                DeadLetters.open(dir, config.deadLetterMaxBytes()), config, status, now::get);
    }

    @AfterEach
    void stop() throws IOException {
        spool.close();
    }

    @Test
    void shouldSendStraightToKafkaWithoutTheSpoolWhileKafkaKeepsUp() {
        dispatcher.step(event("a"));
        dispatcher.step(event("b"));

        assertThat(sent()).containsExactly("a", "b");
        assertThat(spool.records()).as("in flight, not spooled").isZero();
        completeAll();
        dispatcher.step(event("c"));
        completeAll();
        dispatcher.step(null);

        assertThat(sent()).containsExactly("a", "b", "c");
        assertThat(spool.isEmpty()).isTrue();
        assertThat(status.headWaiting()).isZero();
    }

    @Test
    void shouldSwitchToTheSpoolWhenKafkaHoldsARecordOverASecondAndGoStraightAgainOnceItCaughtUp() {
        dispatcher.step(event("a"));
        dispatcher.step(event("b"));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        dispatcher.step(event("c"));
        assertThat(spool.records()).as("a second is not yet too slow").isZero();

        now.addAndGet(1);
        dispatcher.step(event("d"));
        assertThat(spool.records()).as("what Kafka holds is copied to the spool, and what follows goes there too")
                .isEqualTo(4);
        assertThat(sent()).as("sent once each, in order").containsExactly("a", "b", "c", "d");

        completeAll();
        dispatcher.step(null);
        assertThat(spool.isEmpty()).as("acknowledged, so the spool is drained").isTrue();
        dispatcher.step(event("e"));
        assertThat(spool.records()).as("straight to Kafka again").isZero();
        completeAll();
        dispatcher.step(null);

        assertThat(sent()).containsExactly("a", "b", "c", "d", "e");
        assertThat(status.headWaiting()).isZero();
    }

    @Test
    void shouldKeepEverythingInTheSpoolWhileKafkaIsDownAndDeliverItInOrderWhenKafkaIsBack() throws IOException {
        dispatcher.step(event("a"));
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        dispatcher.step(event("b"));
        dispatcher.step(event("c"));
        // The producer gives up on what it holds: the broker has been gone too long.
        TimeoutException expired = new TimeoutException("Expiring 3 record(s) for aigw.interceptions.v1-0");
        while (producer.errorNext(expired)) {
            // every pending send fails
        }
        dispatcher.step(null);
        producer.sendException = new TimeoutException("Topic aigw.interceptions.v1 not present in metadata after 0 ms.");
        now.addAndGet(Backoff.FIRST.toNanos());
        dispatcher.step(event("d"));
        assertThat(spool.records()).as("nothing lost while Kafka is down").isEqualTo(4);
        assertThat(status.headFailures()).isEqualTo(2);

        producer.sendException = null;
        now.addAndGet(Backoff.CAP.toNanos());
        dispatcher.step(null);
        completeAll();
        dispatcher.step(null);

        assertThat(sent().subList(3, sent().size())).as("the spool, sent again in order").containsExactly("a", "b", "c", "d");
        assertThat(spool.isEmpty()).isTrue();
        assertThat(status.headFailures()).isZero();
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void shouldDeadLetterARecordTheProducerRefusesAtOnceAndSendTheOnesBehindIt() throws IOException {
        dispatcher.step(event("a"));
        producer.sendException = new RecordTooLargeException("The message is 2000000 bytes when serialized");
        dispatcher.step(event("big"));
        producer.sendException = null;
        dispatcher.step(event("b"));
        completeAll();
        dispatcher.step(null);

        assertThat(sent()).containsExactly("a", "b");
        assertThat(deadLetters()).singleElement().satisfies(letter -> assertDeadLetter(letter, "record_too_large", "big"));
        assertThat(status.deadLetteredEvents(DeadLetterReason.RECORD_TOO_LARGE)).isEqualTo(1);
        assertThat(spool.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterARecordKafkaRefusesInItsCallbackAndKeepTheOnesBehindIt() throws IOException {
        dispatcher.step(event("big"));
        dispatcher.step(event("a"));
        dispatcher.step(event("b"));

        producer.errorNext(new RecordTooLargeException("The request included a message larger than the max message size"));
        completeAll();
        dispatcher.step(null);
        dispatcher.step(event("c"));
        completeAll();
        dispatcher.step(null);

        assertThat(sent()).as("nothing sent twice").containsExactly("big", "a", "b", "c");
        assertThat(deadLetters()).singleElement().satisfies(letter -> assertDeadLetter(letter, "record_too_large", "big"));
        assertThat(status.headFailures()).isZero();
        assertThat(spool.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterASpooledRecordAndDeliverTheRestOfTheSpool() throws IOException {
        dispatcher.step(event("big"));
        dispatcher.step(event("a"));
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        dispatcher.step(event("b"));
        assertThat(spool.records()).as("Kafka slow: what it holds is spooled, and what follows").isEqualTo(3);

        producer.errorNext(new RecordTooLargeException("too large"));
        completeAll();
        dispatcher.step(null);
        completeAll();
        dispatcher.step(null);

        assertThat(sent()).containsExactly("big", "a", "b");
        assertThat(deadLetters()).singleElement().satisfies(letter -> assertDeadLetter(letter, "record_too_large", "big"));
        assertThat(spool.isEmpty()).isTrue();
        assertThat(status.headWaiting()).isZero();
    }

    @Test
    void shouldDeadLetterAnEventThatCannotBeSerializedAndSendTheNext() throws IOException {
        dispatcher.step(event(UNSERIALIZABLE));
        dispatcher.step(event("a"));
        completeAll();
        dispatcher.step(null);

        assertThat(sent()).containsExactly("a");
        assertThat(deadLetters()).singleElement().satisfies(letter -> {
            List<String> lines = Files.readAllLines(letter, StandardCharsets.ISO_8859_1);
            assertThat(lines.get(0)).isEqualTo("serialization");
            assertThat(lines.get(2)).isEqualTo("IllegalArgumentException: no such schema");
        });
        assertThat(status.deadLetteredEvents(DeadLetterReason.SERIALIZATION)).isEqualTo(1);
    }

    @Test
    void shouldRetryARecordTheProducerRefusesForWantOfMetadataAfterABackoffAndDeliverInOrder() {
        producer.sendException = new TimeoutException("Topic aigw.interceptions.v1 not present in metadata after 0 ms.");
        dispatcher.step(event("a"));
        dispatcher.step(event("b"));
        producer.sendException = null;
        now.addAndGet(Backoff.FIRST.toNanos() - 1);
        dispatcher.step(null);

        assertThat(sent()).as("nothing tried before the backoff has passed").isEmpty();
        assertThat(spool.records()).isEqualTo(2);
        assertThat(status.headFailures()).isEqualTo(1);
        assertThat(status.headWaiting()).isEqualTo(Duration.ofNanos(Backoff.FIRST.toNanos() - 1));

        now.addAndGet(1);
        dispatcher.step(null);
        completeAll();
        dispatcher.step(null);

        assertThat(sent()).containsExactly("a", "b");
        assertThat(spool.isEmpty()).isTrue();
        assertThat(status.headFailures()).isZero();
    }

    @Test
    void shouldSendAgainWithAGrowingPauseWhatKafkaFailedForAReasonThatMayPassUntilItTakesIt() throws IOException {
        dispatcher.step(event("a"));
        dispatcher.step(event("b"));
        TopicAuthorizationException denied = new TopicAuthorizationException(Set.of(TOPIC));
        producer.errorNext(denied);
        completeAll();
        dispatcher.step(null);
        assertThat(spool.records()).as("kept, not dropped").isEqualTo(2);

        now.addAndGet(Backoff.FIRST.toNanos());
        dispatcher.step(null);
        assertThat(sent()).containsExactly("a", "b", "a", "b");
        producer.errorNext(denied);
        completeAll();
        dispatcher.step(null);
        assertThat(status.headFailures()).isEqualTo(2);

        now.addAndGet(Backoff.FIRST.toNanos());
        dispatcher.step(null);
        assertThat(sent()).as("the second pause is twice the first").hasSize(4);
        now.addAndGet(Backoff.FIRST.toNanos());
        dispatcher.step(null);
        completeAll();
        dispatcher.step(null);
        dispatcher.step(event("c"));
        completeAll();
        dispatcher.step(null);

        assertThat(sent()).containsExactly("a", "b", "a", "b", "a", "b", "c");
        assertThat(deadLetters()).isEmpty();
        assertThat(spool.isEmpty()).isTrue();
        assertThat(status.headFailures()).isZero();
    }

    @Test
    void shouldCountAsStalledOnceTheSpoolsOldestRecordWaitsPastTheTimeoutAndNoLongerOnceItMoves() {
        producer.sendException = new TimeoutException("Topic aigw.interceptions.v1 not present in metadata after 0 ms.");
        dispatcher.step(event("a"));
        producer.sendException = null;
        Duration timeout = Duration.ofMinutes(5);
        now.addAndGet(timeout.toNanos());
        assertThat(status.stalled(timeout)).isFalse();

        now.addAndGet(1);
        assertThat(status.stalled(timeout)).isTrue();
        assertThat(status.stalled(Duration.ZERO)).as("a zero timeout never stalls").isFalse();

        dispatcher.step(null);
        completeAll();
        dispatcher.step(null);
        assertThat(status.stalled(timeout)).isFalse();
        assertThat(status.headWaiting()).isZero();
    }

    @Test
    void shouldKeepTheDeadLettersWithinTheirBoundDeletingTheOldestFirst() throws IOException {
        DeadLetters letters = DeadLetters.open(dir.resolve("bounded"), 3_000);
        SpoolRecord record = new SpoolRecord("i".getBytes(StandardCharsets.UTF_8), new byte[1_000]);

        Path first = letters.keep(record, DeadLetterReason.RECORD_TOO_LARGE, "RecordTooLargeException: x", Instant.now());
        Path second = letters.keep(record, DeadLetterReason.RECORD_TOO_LARGE, "RecordTooLargeException: x", Instant.now());
        Path third = letters.keep(record, DeadLetterReason.INVALID_RECORD, "InvalidRecordException: y", Instant.now());

        assertThat(first).doesNotExist();
        assertThat(second).exists();
        assertThat(third).exists();
        assertThat(letters.bytes()).isLessThanOrEqualTo(3_000);
        DeadLetters reopened = DeadLetters.open(dir.resolve("bounded"), 3_000);
        assertThat(reopened.bytes()).as("a restart finds what was kept").isEqualTo(letters.bytes());
        Path fourth = reopened.keep(record, DeadLetterReason.SERIALIZATION, "IllegalStateException: z", Instant.now());
        assertThat(second).doesNotExist();
        assertThat(fourth.getFileName().toString()).isGreaterThan(third.getFileName().toString());
    }

    @Test
    void shouldCapTheBackoff() {
        Backoff backoff = new Backoff();
        long pause = 0;
        for (int i = 0; i < 100; i++) {
            pause = backoff.failed();
        }

        assertThat(Duration.ofNanos(pause)).isEqualTo(Backoff.CAP);
        assertThat(backoff.failures()).isEqualTo(100);
    }

    private void completeAll() {
        while (producer.completeNext()) {
            // every send the producer holds is acknowledged, in order
        }
    }

    private List<String> sent() {
        return producer.history().stream().map(ProducerRecord::value).map(v -> new String(v, StandardCharsets.UTF_8)).toList();
    }

    private List<Path> deadLetters() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(DeadLetters.DIR))) {
            return files.sorted().toList();
        }
    }

    private static void assertDeadLetter(Path letter, String reason, String value) throws IOException {
        String text = Files.readString(letter, StandardCharsets.ISO_8859_1);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo(reason);
        assertThat(Instant.parse(lines.get(1))).isBeforeOrEqualTo(Instant.now());
        assertThat(lines.get(2)).startsWith("RecordTooLargeException: ");
        assertThat(text).endsWith("i-" + value + value);
    }

    private static InterceptionEvent event(String id) {
        Instant at = Instant.parse("2026-12-07T10:00:00Z");
        return InterceptionEvent.newBuilder().setEventId(id).setInterceptionId("i-" + id).setSeq(0).setOccurredAt(at)
                .setInterceptionStartedAt(at).setGatewayNode("node-1").setPayload(new PromptUsage(null, "hello")).build();
    }
}
