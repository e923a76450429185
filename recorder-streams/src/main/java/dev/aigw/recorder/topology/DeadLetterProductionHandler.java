package dev.aigw.recorder.topology;

import dev.aigw.recorder.audit.RecordBounds;
import dev.aigw.recorder.kafka.DeadLetters;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

/**
 * What the topology does with a record it derived but cannot produce. Derived records are bounded
 * ({@link RecordBounds}), so this is the second line: a record the broker refuses for good (too large, a batch too
 * large, a serialization failure) can never be produced, and retrying it would stop its task for everyone behind it.
 * Such a record is dropped and the event it came from goes to the dead-letter topic with the reason, or, when even that
 * is too large, a summary of it (key, source topic, partition, offset, size, reason); it is counted, and the task moves
 * on. Retriable errors (a broker away) keep Kafka's retries; anything else fails as by default, since resuming past an
 * error nobody understands (a revoked ACL, say) would drop the whole audit silently.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {
    /** The configuration key under which the recorder passes its {@link Counters} to the handler. */
    public static final String COUNTERS_CONFIG = "aigw.recorder.counters";
    /** The configuration key of the dead-letter topic. */
    public static final String TOPIC_CONFIG = "aigw.recorder.dead-letter-topic";
    /** A dead-letter reason: a record derived from the event could not be produced. */
    public static final String UNPRODUCIBLE = "unproducible";
    /** Header of a summary dead letter: the size in bytes of the event that was left out. */
    public static final String SIZE = "aigw.dlq.size";
    /** Header: the topic the derived record was meant for. */
    public static final String TARGET = "aigw.dlq.target";

    private static final Logger LOG = Logger.getLogger(DeadLetterProductionHandler.class.getName());
    // A dead letter's key and value stay this far under the record limit; its headers are short.
    private static final int DEAD_LETTER_BYTES = RecordBounds.DERIVED_RECORD_BYTES;
    private static final int SUMMARY_KEY_BYTES = 4096;

    private Counters counters = new Counters();
    private String deadLetterTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        if (configs.get(COUNTERS_CONFIG) instanceof Counters c) {
            counters = c;
        }
        deadLetterTopic = String.valueOf(configs.get(TOPIC_CONFIG));
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        if (!neverProducible(exception)) {
            return Response.fail();
        }
        return deadLetter(context, record.topic(), exception);
    }

    @Override
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        return deadLetter(context, record.topic(), exception);
    }

    // Named one by one: RecordBatchTooLargeException's parent, InvalidConfigurationException, also covers a denied ACL.
    private static boolean neverProducible(Exception e) {
        return e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException
                || e instanceof InvalidRecordException;
    }

    private Response deadLetter(ErrorHandlerContext context, String target, Exception exception) {
        counters.count(UNPRODUCIBLE);
        byte[] key = context.sourceRawKey();
        byte[] value = context.sourceRawValue();
        int size = (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
        // The message says what was refused and its size, never the record's content.
        String detail = exception.getClass().getSimpleName() + " producing to " + target + ": " + exception.getMessage();
        LOG.warning("a record derived from " + context.topic() + "-" + context.partition() + "@" + context.offset()
                + " cannot be produced, dead-lettered and skipped: " + detail);
        Headers headers = new RecordHeaders();
        DeadLetters.add(headers, DeadLetters.REASON, UNPRODUCIBLE);
        DeadLetters.add(headers, DeadLetters.DETAIL, detail.length() > 1000 ? detail.substring(0, 1000) : detail);
        DeadLetters.add(headers, DeadLetters.TOPIC, context.topic());
        DeadLetters.add(headers, DeadLetters.PARTITION, Integer.toString(context.partition()));
        DeadLetters.add(headers, DeadLetters.OFFSET, Long.toString(context.offset()));
        DeadLetters.add(headers, TARGET, target);
        DeadLetters.add(headers, SIZE, Integer.toString(size));
        boolean whole = size <= DEAD_LETTER_BYTES;
        boolean keyFits = key == null || key.length <= SUMMARY_KEY_BYTES;
        return Response.resume(List.of(new ProducerRecord<>(deadLetterTopic, null, whole || keyFits ? key : null,
                whole ? value : null, headers)));
    }
}
