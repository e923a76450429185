package dev.aigw.siem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.engines.ChildProcess;
import dev.aigw.engines.Jdks;
import dev.aigw.engines.Ports;
import dev.aigw.testkit.RealStack;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Apache Kafka Connect's own worker (standalone mode, a child process, from Maven Central) with Apache Kafka's file sink
 * reads a run of interceptions twice: the SIEM topic with the JsonConverter, and the Avro event topic through the
 * project's converter, loaded from plugin.path as its plugin jar. The connector files are deploy/siem's; the test
 * changes only what is particular to this run (topics, files, registry URL).
 */
@ExtendWith(RealStack.class)
class ConnectForwardingIT {
    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final Path ROOT = Path.of(System.getProperty("aigw.root", ".."));
    private static final Pattern JSON_ID = Pattern.compile("event\\.id=([^,}]+)");
    private static final Pattern AVRO_ID = Pattern.compile("Struct\\{event_id=([^,}]+)");

    @Test
    void shouldDeliverEveryEventWhenConnectReadsTheJsonAndTheAvroTopics() throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "connect-").toAbsolutePath();
        Path plugin = Files.createDirectories(dir.resolve("plugins/aigw-connect-converter"));
        Files.copy(ROOT.resolve("connect-converter/target/aigw-connect-converter-plugin.jar"),
                plugin.resolve("aigw-connect-converter-plugin.jar"));
        Path jsonOut = dir.resolve("siem-json.out");
        Path avroOut = dir.resolve("events-avro.out");

        try (SiemRun run = SiemRun.start(5)) {
            Properties worker = load("connect-worker.properties");
            worker.setProperty("bootstrap.servers", RealStack.kafkaBootstrap());
            worker.setProperty("offset.storage.file.filename", dir.resolve("offsets").toString());
            worker.setProperty("plugin.path", dir.resolve("plugins").toString());
            worker.setProperty("listeners", "http://127.0.0.1:" + Ports.freePort());
            worker.setProperty("key.converter", "org.apache.kafka.connect.storage.StringConverter");
            worker.setProperty("value.converter", "org.apache.kafka.connect.json.JsonConverter");
            Properties json = load("file-sink-json.properties");
            json.setProperty("topics", run.siemTopic());
            json.setProperty("file", jsonOut.toString());
            Properties avro = load("file-sink-avro.properties");
            avro.setProperty("topics", run.eventsTopic());
            avro.setProperty("file", avroOut.toString());
            avro.setProperty("value.converter.schema.registry.url", RealStack.schemaRegistryUrl().toString());

            List<String> command = List.of(Jdks.currentJava().toString(), "-Xmx512m",
                    "-cp", Files.readString(Path.of("target/connect-worker.classpath")).strip(),
                    "org.apache.kafka.connect.cli.ConnectStandalone",
                    store(worker, dir.resolve("worker.properties")), store(json, dir.resolve("json.properties")),
                    store(avro, dir.resolve("avro.properties")));
            try (ChildProcess connect = ChildProcess.start("connect", command, Map.of(), dir, dir.resolve("connect.log"))) {
                List<String> fromJson = RealStack.await(DEADLINE, () -> arrived(jsonOut, JSON_ID, run.documentIds().size(), connect));
                List<String> fromAvro = RealStack.await(DEADLINE, () -> arrived(avroOut, AVRO_ID, run.eventIds().size(), connect));

                assertThat(fromJson).containsExactlyInAnyOrderElementsOf(run.documentIds());
                assertThat(fromAvro).containsExactlyInAnyOrderElementsOf(run.eventIds());
                assertThat(SiemRun.lines(avroOut)).allSatisfy(line -> assertThat(line)
                        .contains("payload=Struct{").contains("interception_id=").contains("occurred_at="));
                assertThat(SiemRun.lines(avroOut)).anySatisfy(line -> assertThat(line)
                        .contains("InterceptionStarted=Struct{initiator_id=user-").contains("provider=anthropic"));
            }
        }
    }

    // The ids in the sink file once it has as many lines as expected; a dead worker fails at once with its log.
    private static List<String> arrived(Path file, Pattern id, int expected, ChildProcess connect) {
        if (!connect.isAlive()) {
            throw new IllegalStateException("the Connect worker exited:\n" + connect.logTail());
        }
        List<String> lines = SiemRun.lines(file);
        if (lines.size() < expected) {
            return null;
        }
        return lines.stream().map(line -> {
            Matcher m = id.matcher(line);
            assertThat(m.find()).as("an id in %s", line).isTrue();
            return m.group(1);
        }).toList();
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(ROOT.resolve("deploy/siem").resolve(name))) {
            p.load(in);
        }
        return p;
    }

    private static String store(Properties p, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file)) {
            p.store(out, null);
        }
        return file.toString();
    }
}
