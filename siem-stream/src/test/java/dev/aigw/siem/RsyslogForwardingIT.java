package dev.aigw.siem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.engines.ChildProcess;
import dev.aigw.testkit.RealStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Debian's rsyslog, with its Kafka input (imkafka, package rsyslog-kafka, installed by {@code ./aigw test}), reads the
 * SIEM topic on deploy/siem's configuration and writes each document to a file: every document arrives, once, and each
 * line is a JSON object with the expected fields. rsyslogd runs as a child in the foreground on its own configuration,
 * pid file and work directory, with no system log input, so it never takes over the machine's syslog.
 */
@ExtendWith(RealStack.class)
class RsyslogForwardingIT {
    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final Path ROOT = Path.of(System.getProperty("aigw.root", ".."));
    private static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldDeliverEveryDocumentWhenRsyslogReadsTheJsonTopic() throws IOException {
        assertThat(RSYSLOGD).as("rsyslogd with imkafka: run ./aigw test, or apt-get install -y rsyslog rsyslog-kafka")
                .isExecutable();
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "rsyslog-").toAbsolutePath();
        Path out = dir.resolve("siem.json");
        try (SiemRun run = SiemRun.start(5)) {
            String shipped = Files.readString(ROOT.resolve("deploy/siem/rsyslog-aigw-siem.conf"));
            String config = "global(workDirectory=\"" + Files.createDirectories(dir.resolve("work")) + "\")\n"
                    + replaced(shipped, Map.of(
                            "\"kafka:9092\"", "\"" + RealStack.kafkaBootstrap() + "\"",
                            "\"aigw.siem.v1\"", "\"" + run.siemTopic() + "\"",
                            "\"aigw-siem-rsyslog\"", "\"" + RealStack.unique("rsyslog") + "\"",
                            "\"/var/log/aigw/siem-rsyslog.json\"", "\"" + out + "\""));
            Path conf = Files.writeString(dir.resolve("rsyslog.conf"), config);
            List<String> command = List.of(RSYSLOGD.toString(), "-n", "-f", conf.toString(), "-i", dir.resolve("rsyslogd.pid").toString());
            try (ChildProcess rsyslog = ChildProcess.start("rsyslog", command, Map.of(), dir, dir.resolve("rsyslogd.log"))) {
                List<String> lines = RealStack.await(DEADLINE, () -> {
                    if (!rsyslog.isAlive()) {
                        throw new IllegalStateException("rsyslogd exited:\n" + rsyslog.logTail());
                    }
                    List<String> got = SiemRun.lines(out);
                    return got.size() >= run.documentIds().size() ? got : null;
                });

                List<JsonNode> docs = lines.stream().map(RsyslogForwardingIT::parse).toList();
                assertThat(docs).extracting(doc -> doc.get("event.id").asText())
                        .containsExactlyInAnyOrderElementsOf(run.documentIds());
                assertThat(docs).allSatisfy(doc -> {
                    assertThat(doc.get("@timestamp").asText()).isNotEmpty();
                    assertThat(doc.get("event.kind").asText()).isEqualTo("event");
                    assertThat(doc.get("aigw.interception.id").asText()).isNotEmpty();
                });
                assertThat(docs).filteredOn(doc -> doc.get("event.action").asText().equals("interception_summary"))
                        .hasSize(5)
                        .allSatisfy(doc -> assertThat(doc.get("gen_ai.usage.output_tokens").asLong()).isEqualTo(395));
                Files.write(Path.of("target/siem-examples-rsyslog.json"), lines);
            }
        }
    }

    private static String replaced(String text, Map<String, String> replacements) {
        String result = text;
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            assertThat(result).as("deploy/siem/rsyslog-aigw-siem.conf names %s", r.getKey()).contains(r.getKey());
            result = result.replace(r.getKey(), r.getValue());
        }
        return result;
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode doc = JSON.readTree(line);
            assertThat(doc.isObject()).as("a JSON object: %s", line).isTrue();
            return doc;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
