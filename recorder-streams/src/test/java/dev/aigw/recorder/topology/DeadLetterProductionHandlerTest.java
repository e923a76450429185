package dev.aigw.recorder.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.recorder.kafka.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadLetterProductionHandlerTest {
    private static final ProducerRecord<byte[], byte[]> DERIVED = new ProducerRecord<>("aigw.audit.rows.v1", new byte[10],
            new byte[2_000_000]);

    private final Counters counters = new Counters();
    private final DeadLetterProductionHandler handler = new DeadLetterProductionHandler();

    @BeforeEach
    void configure() {
        handler.configure(Map.of(DeadLetterProductionHandler.COUNTERS_CONFIG, counters,
                DeadLetterProductionHandler.TOPIC_CONFIG, "dlq"));
    }

    @Test
    void shouldDeadLetterTheSourceEventAndResumeWhenTheDerivedRecordIsTooLarge() {
        var response = handler.handleError(context(new byte[1000]), DERIVED, new RecordTooLargeException("2000071 bytes"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().getFirst();
        assertThat(dead.topic()).isEqualTo("dlq");
        assertThat(dead.value()).hasSize(1000);
        assertThat(dead.key()).isEqualTo("id-1".getBytes(StandardCharsets.UTF_8));
        assertThat(header(dead.headers(), DeadLetters.REASON)).isEqualTo(DeadLetterProductionHandler.UNPRODUCIBLE);
        assertThat(header(dead.headers(), DeadLetters.TOPIC)).isEqualTo("aigw.interceptions.v1");
        assertThat(header(dead.headers(), DeadLetters.OFFSET)).isEqualTo("42");
        assertThat(header(dead.headers(), DeadLetterProductionHandler.TARGET)).isEqualTo("aigw.audit.rows.v1");
        assertThat(header(dead.headers(), DeadLetters.DETAIL)).contains("RecordTooLargeException");
        assertThat(counters.get(DeadLetterProductionHandler.UNPRODUCIBLE)).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterOnlyASummaryWhenTheSourceEventItselfIsTooLargeForTheDeadLetterTopic() {
        var response = handler.handleError(context(new byte[1_000_000]), DERIVED, new RecordBatchTooLargeException("x"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().getFirst();
        assertThat(dead.value()).isNull();
        assertThat(dead.key()).isEqualTo("id-1".getBytes(StandardCharsets.UTF_8));
        assertThat(header(dead.headers(), DeadLetterProductionHandler.SIZE)).isEqualTo("1000004");
    }

    @Test
    void shouldDeadLetterAndResumeWhenADerivedRecordCannotBeSerialized() {
        var response = handler.handleSerializationError(context(new byte[10]), DERIVED, new SerializationException("x"),
                ProductionExceptionHandler.SerializationExceptionOrigin.VALUE);

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).hasSize(1);
    }

    @Test
    void shouldRetryWhenTheErrorIsRetriable() {
        var response = handler.handleError(context(new byte[10]), DERIVED, new TimeoutException("broker away"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RETRY);
        assertThat(counters.get(DeadLetterProductionHandler.UNPRODUCIBLE)).isZero();
    }

    @Test
    void shouldFailWhenTheErrorIsNeitherRetriableNorAboutTheRecord() {
        var response = handler.handleError(context(new byte[10]), DERIVED, new TopicAuthorizationException("denied"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
        assertThat(counters.get(DeadLetterProductionHandler.UNPRODUCIBLE)).isZero();
    }

    private static ErrorHandlerContext context(byte[] value) {
        return new Context(value);
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private record Context(byte[] sourceRawValue) implements ErrorHandlerContext {
        @Override
        public String topic() {
            return "aigw.interceptions.v1";
        }

        @Override
        public int partition() {
            return 3;
        }

        @Override
        public long offset() {
            return 42;
        }

        @Override
        public Headers headers() {
            return new RecordHeaders();
        }

        @Override
        public String processorNodeId() {
            return "write-interception-rows";
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, 3);
        }

        @Override
        public long timestamp() {
            return 0;
        }

        @Override
        public byte[] sourceRawKey() {
            return "id-1".getBytes(StandardCharsets.UTF_8);
        }
    }
}
