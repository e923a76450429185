package dev.aigw.systemtests.audit;

import static dev.aigw.systemtests.audit.AuditWorld.ALL;
import static dev.aigw.systemtests.audit.AuditWorld.B2;
import static dev.aigw.systemtests.audit.AuditWorld.D1;
import static dev.aigw.systemtests.audit.AuditWorld.D2;
import static dev.aigw.systemtests.audit.AuditWorld.D3;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.testkit.RealStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /usage}, the filter menus, {@code /interceptions/export} in both formats and {@code /openapi}. */
@ExtendWith({RealStack.class, AuditWorld.class})
class UsageAndExportIT {
    private static final String BRIDGE = "/api/v2/aibridge";

    @Test
    void shouldSumUsageByEachGrouping() {
        assertThat(groups("group_by=user")).containsExactly(Map.entry("alice", "6/800/80"), Map.entry("bob", "3/60/6"),
                Map.entry("carol", "1/5/1"));
        assertThat(groups("group_by=provider")).containsExactly(Map.entry("anthropic", "6/680/68"),
                Map.entry("anthropic-eu", "1/30/3"), Map.entry("openai", "1/5/1"), Map.entry("openai-corp", "2/150/15"));
        assertThat(groups("group_by=model")).containsExactly(Map.entry("claude-opus-4", "2/30/3"),
                Map.entry("claude-sonnet-4-0", "5/680/68"), Map.entry("gpt-4o", "2/150/15"), Map.entry("gpt-4o-mini", "1/5/1"));
        assertThat(groups("group_by=day")).containsExactly(Map.entry(D3.toString(), "4/650/65"),
                Map.entry(D2.toString(), "3/160/16"), Map.entry(D1.toString(), "3/55/6"));
        JsonNode byUser = usage("group_by=user");
        assertThat(byUser.path("results").get(0).path("username").asText()).isEqualTo("alice");
        assertThat(usage("group_by=provider").path("results").get(1).path("provider").asText()).isEqualTo("anthropic");
        assertThat(byUser.path("total").path("input_tokens").asLong()).isEqualTo(865);
    }

    @Test
    void shouldSumExactlyOverAnyRangeOrSearch() {
        assertThat(usage("started_after=" + D1 + "T12:00:00Z").path("total").path("input_tokens").asLong()).isEqualTo(35);
        assertThat(usage("started_after=" + D2 + "T00:00:00Z&started_before=" + D1 + "T00:00:00Z").path("total")
                .path("interceptions").asLong()).isEqualTo(3);
        assertThat(usage("started_after=" + D3 + "T10:01:00Z&started_before=" + D3 + "T11:00:00Z").path("total")
                .path("input_tokens").asLong()).isEqualTo(500);
        assertThat(usage("q=" + Api.encode("client:Codex")).path("total").path("input_tokens").asLong()).isEqualTo(155);
        assertThat(usage("q=" + Api.encode("provider_name:openai-corp")).path("total").path("interceptions").asLong())
                .isEqualTo(2);
        for (String bad : List.of("group_by=week", "started_after=yesterday", "q=colour:red")) {
            Api.Answer answer = AuditWorld.api().get(BRIDGE + "/usage?" + bad, AuditWorld.key("carol"));
            assertThat(answer.status()).as(bad).isEqualTo(400);
        }
        assertThat(AuditWorld.api().get(BRIDGE + "/usage?started_after=yesterday", AuditWorld.key("carol")).json()
                .path("detail").asText()).startsWith("search term started_after must be an RFC 3339 time");
    }

    @Test
    void shouldListTheValuesOfEachFilterMenu() {
        assertThat(values("/models")).containsExactly("claude-opus-4", "claude-sonnet-4-0", "gpt-4o", "gpt-4o-mini");
        assertThat(values("/clients")).containsExactly("Claude Code", "Codex", "Cursor");
        assertThat(values("/providers")).containsExactly("anthropic", "openai");
    }

    @Test
    void shouldExportEveryMatchingInterceptionAsJsonLines() throws IOException {
        Api.Answer export = AuditWorld.api().get(BRIDGE + "/interceptions/export", AuditWorld.key("carol"));

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).isEqualTo("application/x-ndjson");
        List<String> lines = export.text().lines().toList();
        assertThat(lines).hasSize(ALL.size());
        assertThat(lines.stream().map(l -> read(l).path("id").asText()).toList()).isEqualTo(InterceptionsViewIT.ids(ALL));
        JsonNode b2 = read(lines.get(ALL.indexOf(B2)));
        assertThat(b2.path("error_message").asText()).isEqualTo("boom, bad");
        assertThat(b2.path("input_tokens").asLong()).isEqualTo(20);
        assertThat(b2.path("status").asText()).isEqualTo("failed");
    }

    @Test
    void shouldExportAsCsvWithAHeaderAndQuotedFields() {
        Api.Answer export = AuditWorld.api().get(BRIDGE + "/interceptions/export?format=csv&q=" + Api.encode("initiator:bob"),
                AuditWorld.key("carol"));

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/csv");
        List<String> lines = export.text().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("id,initiator_id,initiator_username,api_key_id,provider,provider_name,model,");
        assertThat(lines.get(2)).startsWith(B2.id() + ",bob,bob,key-bob,anthropic,anthropic,claude-opus-4,Cursor,")
                .contains(",failed,500,upstream_error,\"boom, bad\",centralized,");
        assertThat(AuditWorld.api().get(BRIDGE + "/interceptions/export?format=xml", AuditWorld.key("carol")).status())
                .isEqualTo(400);
    }

    @Test
    void shouldServeTheOpenApiDocument() {
        Api.Answer doc = AuditWorld.api().get("/openapi", null);

        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().path("openapi").asText()).startsWith("3.");
        assertThat(doc.json().path("paths").has("/api/v2/aibridge/interceptions")).isTrue();
    }

    private static JsonNode usage(String query) {
        Api.Answer answer = AuditWorld.api().get(BRIDGE + "/usage?" + query, AuditWorld.key("carol"));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    /** Each group as key → "interceptions/input/output". */
    private static Map<String, String> groups(String query) {
        Map<String, String> groups = new LinkedHashMap<>();
        usage(query).path("results").forEach(g -> groups.put(g.path("key").asText(), g.path("interceptions").asLong() + "/"
                + g.path("input_tokens").asLong() + "/" + g.path("output_tokens").asLong()));
        return groups;
    }

    private static List<String> values(String path) {
        Api.Answer answer = AuditWorld.api().get(BRIDGE + path, AuditWorld.key("carol"));
        assertThat(answer.status()).isEqualTo(200);
        return StreamSupport.stream(answer.json().spliterator(), false).map(JsonNode::asText).toList();
    }

    private static JsonNode read(String line) {
        try {
            return Api.JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
