package dev.aigw.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {
    @TempDir
    Path dir;

    @Test
    void shouldWriteEveryMeasuredFieldAsPrettyPrintedJson() throws Exception {
        Path file = dir.resolve("bench.json");
        JsonReport.write(SampleReports.full(), file);
        String text = Files.readString(file);
        JsonNode json = new ObjectMapper().readTree(text);

        assertThat(text).contains("\n  \"mode\" : \"full\"");
        assertThat(json.get("startedAt").asText()).isEqualTo("2025-06-01T14:03:27Z");
        assertThat(json.at("/machine/cores").asInt()).isEqualTo(2);
        assertThat(json.at("/machine/versions/JDK").asText()).isEqualTo("25.0.1");
        assertThat(json.get("targets")).hasSize(5);
        JsonNode gateway = json.at("/targets/3");
        assertThat(gateway.get("name").asText()).isEqualTo("gateway-audit-on");
        assertThat(gateway.at("/addedP99Micros/median").asDouble()).isEqualTo(260);
        assertThat(gateway.at("/addedP99Micros/min").asDouble()).isEqualTo(240);
        assertThat(gateway.at("/addedP99Micros/max").asDouble()).isEqualTo(300);
        assertThat(gateway.get("sustainedRps").asDouble()).isEqualTo(9_500);
        assertThat(gateway.at("/rssBytesByStreams/5000").asLong()).isEqualTo(700 * SampleReports.MIB);
        assertThat(json.at("/auditDelay/p99Millis").asDouble()).isEqualTo(850.6);
    }

    @Test
    void shouldLeaveOutWhatWasNotMeasured() throws Exception {
        Path file = dir.resolve("bench.json");
        JsonReport.write(SampleReports.report(List.of(SampleReports.direct()), null), file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());

        assertThat(json.has("auditDelay")).isFalse();
        JsonNode direct = json.at("/targets/0");
        assertThat(direct.has("c1P50Micros")).isTrue();
        assertThat(direct.has("addedP50Micros")).isFalse();
        assertThat(direct.has("rssBytesByStreams")).isFalse();
        assertThat(direct.get("failed").asLong()).isZero();
    }
}
