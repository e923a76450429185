package dev.aigw.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After every hostile request of the suite (this class runs last): no secret in any log record, dump file, Kafka
 * record or Cassandra row, no request-handling fault logged, and every service still alive and ready. Run alone, it
 * checks only what starting the stack left behind.
 */
@Order(5)
@ExtendWith({RealStack.class, HostileStack.class})
class AftermathIT {

    @Test
    void shouldKeepEverySecretOutOfLogsDumpsTopicsAndTables() {
        Map<String, String> secrets = HostileStack.running().secrets();
        List<String> found = new ArrayList<>();
        SimpleFormatter formatter = new SimpleFormatter();
        for (LogRecord record : HostileStack.running().logs().records()) {
            look(secrets, "log record of " + record.getLoggerName(), formatter.format(record), found);
        }
        try (Stream<Path> files = Files.walk(HostileStack.running().dumps())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                look(secrets, "dump " + file.getFileName(), latin1(Files.readAllBytes(file)), found);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String topic : Topics.all()) {
            for (var record : Topics.readAll(topic)) {
                StringBuilder raw = new StringBuilder(latin1(record.key())).append('\n').append(latin1(record.value()));
                for (Header header : record.headers()) {
                    raw.append('\n').append(header.key()).append('=').append(latin1(header.value()));
                }
                look(secrets, "Kafka topic " + topic + " offset " + record.offset(), raw.toString(), found);
            }
        }
        String keyspace = HostileStack.running().env().get("CODER_AI_GATEWAY_CASSANDRA_KEYSPACE");
        var session = RealStack.cassandraSession();
        for (Row table : session.execute("SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?", keyspace)) {
            String name = table.getString("table_name");
            for (Row row : session.execute("SELECT * FROM " + keyspace + "." + name)) {
                StringBuilder raw = new StringBuilder();
                for (ColumnDefinition column : row.getColumnDefinitions()) {
                    raw.append(column.getName()).append('=').append(latin1(row.getBytesUnsafe(column.getName().asInternal())))
                            .append('\n');
                }
                look(secrets, "Cassandra table " + name, raw.toString(), found);
            }
        }

        assertThat(found).as("secrets found").isEmpty();
    }

    @Test
    void shouldLogNoFaultWhileHandlingHostileRequests() {
        // Our services' records and their Kafka and Cassandra clients', not the test broker's own (loggers "kafka.*",
        // in this JVM): it logs a transactional producer's out-of-order sequence at SEVERE when Streams restarts a
        // transaction, which the client recovers from (the canaries show nothing was lost).
        List<String> faults = HostileStack.running().logs().records().stream()
                .filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(r -> r.getLoggerName() == null || !r.getLoggerName().startsWith("kafka."))
                .map(r -> r.getLoggerName() + ": " + r.getMessage()
                        + (r.getThrown() == null ? "" : " (" + r.getThrown() + ")"))
                .distinct().toList();

        assertThat(faults).as("SEVERE log records").isEmpty();
    }

    @Test
    void shouldLeaveEveryServiceAliveAndReady() {
        var running = HostileStack.running();
        for (var service : Map.of("gateway", running.gateway().port(), "query API", running.query().port(),
                "recorder", running.recorder().port()).entrySet()) {
            for (String path : List.of("/health/live", "/health/ready")) {
                Answer health = Http.send(service.getValue(), "GET", path, Map.of(), (String) null);
                assertThat(health.status()).as(service.getKey() + " " + path + ": " + health.brief()).isEqualTo(200);
            }
        }
    }

    private static void look(Map<String, String> secrets, String where, String text, List<String> found) {
        secrets.forEach((name, secret) -> {
            if (text.contains(secret)) {
                found.add(name + " in " + where);
            }
        });
    }

    private static String latin1(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String latin1(ByteBuffer buffer) {
        if (buffer == null) {
            return "";
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return latin1(bytes);
    }
}
