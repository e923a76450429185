package dev.aigw.systemtests.audit;

import static dev.aigw.systemtests.audit.AuditWorld.A1;
import static dev.aigw.systemtests.audit.AuditWorld.A2;
import static dev.aigw.systemtests.audit.AuditWorld.A3;
import static dev.aigw.systemtests.audit.AuditWorld.A4;
import static dev.aigw.systemtests.audit.AuditWorld.A5;
import static dev.aigw.systemtests.audit.AuditWorld.A6;
import static dev.aigw.systemtests.audit.AuditWorld.ALL;
import static dev.aigw.systemtests.audit.AuditWorld.B1;
import static dev.aigw.systemtests.audit.AuditWorld.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.testkit.RealStack;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who sees what: members only their own rows whatever they ask for, auditors and admins everyone's, no key nothing;
 * cursors that are forged, mangled or issued to someone else are refused; every view answers under both prefixes.
 */
@ExtendWith({RealStack.class, AuditWorld.class})
class AuditAccessIT {
    private static final String BRIDGE = "/api/v2/aibridge";
    private static final List<String> VIEWS = List.of("/interceptions", "/interceptions/" + A1.id(),
            "/interceptions/export", "/sessions", "/sessions/sess-a", "/models", "/clients", "/providers", "/usage");
    private static final List<Call> ALICE = List.of(A6, A5, A4, A3, A2, A1);

    @Test
    void shouldRefuseEveryViewWithoutAValidKey() {
        for (String prefix : List.of(BRIDGE, "/api/v2/ai-gateway")) {
            for (String view : VIEWS) {
                for (String key : new String[] {null, "aigw_000000000000000000000000_nope", ADMIN_TOKEN + "x"}) {
                    Api.Answer answer = AuditWorld.api().get(prefix + view, key);
                    assertThat(answer.status()).as(prefix + view + " with " + key).isEqualTo(401);
                    assertThat(answer.json().path("message").asText()).isEqualTo("Unauthorized.");
                }
            }
        }
    }

    @Test
    void shouldShowAMemberOnlyTheirOwnInterceptionsWhateverTheSearch() {
        for (String q : List.of("", "initiator:bob", "bob", "initiator:carol", "initiator:me")) {
            JsonNode page = InterceptionsViewIT.list("q=" + Api.encode(q), "alice");
            assertThat(InterceptionsViewIT.ids(page)).as(q).isEqualTo(InterceptionsViewIT.ids(ALICE));
            assertThat(page.path("count").asLong()).as(q).isEqualTo(ALICE.size());
        }
        assertThat(InterceptionsViewIT.ids(InterceptionsViewIT.list("q=model:claude-opus-4", "alice"))).isEmpty();
        assertThat(InterceptionsViewIT.ids(InterceptionsViewIT.list("q=initiator:alice", "bob"))).hasSize(3);
    }

    @Test
    void shouldHideOtherPeoplesInterceptionsAndSessionsFromAMember() {
        assertThat(get(BRIDGE + "/interceptions/" + A1.id(), "alice").status()).isEqualTo(200);
        assertThat(get(BRIDGE + "/interceptions/" + B1.id(), "alice").status()).isEqualTo(404);
        assertThat(get(BRIDGE + "/sessions/sess-a", "alice").status()).isEqualTo(200);
        assertThat(get(BRIDGE + "/sessions/sess-a", "bob").status()).isEqualTo(404);
        assertThat(get(BRIDGE + "/sessions/" + B1.sessionId(), "alice").status()).isEqualTo(404);
        JsonNode sessions = get(BRIDGE + "/sessions?q=" + Api.encode("initiator:bob"), "alice").json();
        assertThat(sessions.path("sessions")).extracting(s -> s.path("id").asText()).containsExactly("sess-b", "sess-a");
        assertThat(get(BRIDGE + "/models", "alice").json()).extracting(JsonNode::asText)
                .containsExactly("claude-sonnet-4-0", "gpt-4o");
        assertThat(get(BRIDGE + "/clients", "bob").json()).extracting(JsonNode::asText)
                .containsExactly("Claude Code", "Cursor");
        JsonNode usage = get(BRIDGE + "/usage?group_by=user", "alice").json();
        assertThat(usage.path("results")).extracting(g -> g.path("key").asText()).containsExactly("alice");
        assertThat(usage.path("total").path("interceptions").asLong()).isEqualTo(ALICE.size());
        assertThat(get(BRIDGE + "/interceptions/export?q=bob", "alice").text().lines()).hasSize(ALICE.size());
    }

    @Test
    void shouldShowAuditorsAndAdminsEveryonesRows() {
        for (String key : List.of(AuditWorld.key("carol"), AuditWorld.key("dave"), ADMIN_TOKEN)) {
            Api.Answer page = AuditWorld.api().get(BRIDGE + "/interceptions", key);
            assertThat(page.json().path("count").asLong()).isEqualTo(ALL.size());
            assertThat(AuditWorld.api().get(BRIDGE + "/interceptions/" + B1.id(), key).status()).isEqualTo(200);
            assertThat(AuditWorld.api().get(BRIDGE + "/sessions", key).json().path("count").asLong()).isEqualTo(6);
            assertThat(AuditWorld.api().get(BRIDGE + "/usage", key).json().path("total").path("interceptions").asLong())
                    .isEqualTo(ALL.size());
        }
    }

    @Test
    void shouldRefuseCursorsThatAreForgedMangledOrSomeoneElses() {
        String alices = get(BRIDGE + "/interceptions?limit=2", "alice").json().path("next_after_id").asText();
        String carols = get(BRIDGE + "/interceptions?limit=2", "carol").json().path("next_after_id").asText();
        String sessions = get(BRIDGE + "/sessions?limit=2", "carol").json().path("next_after_session_id").asText();
        char last = carols.charAt(carols.length() - 1);
        String mangled = carols.substring(0, carols.length() - 1) + (last == 'A' ? 'B' : 'A');
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(("[\"2000-01-01T00:00:00Z\",\"" + B1.id()
                + "\"]").getBytes(StandardCharsets.UTF_8)) + carols.substring(carols.indexOf('.'));
        Map<String, String> refused = Map.of(
                "/interceptions?after_id=" + alices, "bob",
                "/interceptions?after_id=" + carols + "&q=initiator:bob", "carol",
                "/interceptions?after_id=" + mangled, "carol",
                "/interceptions?after_id=" + forged, "carol",
                "/interceptions?after_id=not-a-cursor", "carol",
                "/interceptions?after_id=" + sessions, "carol",
                "/sessions?after_session_id=" + carols, "carol",
                "/interceptions?after_id=" + carols, "dave");
        refused.forEach((path, person) -> {
            Api.Answer answer = get(BRIDGE + path, person);
            assertThat(answer.status()).as(path + " by " + person).isEqualTo(400);
            assertThat(answer.json().path("detail").asText()).isEqualTo("after cursor is not valid for this search and caller");
        });
        assertThat(get(BRIDGE + "/interceptions?after_id=" + alices, "alice").status()).isEqualTo(200);
    }

    @Test
    void shouldAnswerTheSameUnderTheAiGatewayPrefix() {
        for (String view : List.of("/interceptions?limit=3", "/interceptions/" + A1.id(), "/interceptions/export?format=csv",
                "/sessions", "/sessions/sess-a", "/models", "/clients", "/providers", "/usage?group_by=model")) {
            Api.Answer bridge = get(BRIDGE + view, "carol");
            Api.Answer gateway = get("/api/v2/ai-gateway" + view, "carol");
            assertThat(gateway.status()).as(view).isEqualTo(200);
            assertThat(gateway.text()).as(view).isEqualTo(bridge.text());
        }
    }

    private static Api.Answer get(String path, String person) {
        return AuditWorld.api().get(path, AuditWorld.key(person));
    }
}
