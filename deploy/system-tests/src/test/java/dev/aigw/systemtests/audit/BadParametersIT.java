package dev.aigw.systemtests.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.testkit.RealStack;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every parameter of the audit views, given values no parser should take, on the real store: each is a 400 in the
 * API's shape whose detail names the parameter or term, for a member and an auditor alike, never a 500.
 */
@ExtendWith({RealStack.class, AuditWorld.class})
class BadParametersIT {
    private static final String BRIDGE = "/api/v2/aibridge";
    private static final List<String> BAD_TIMES = List.of("+99999-01-01T00:00:00Z", "-5000-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z", "99999999999999999999", "1700000000000", "2026-02-30T00:00:00Z", "yesterday");
    private static final List<String> BAD_NUMBERS = List.of("abc", "-1", "1e3", "99999999999999999999", "", " ");

    @Test
    void shouldAnswerEveryBadParameterWith400NamingIt() {
        List<String[]> cases = new ArrayList<>();
        for (String time : BAD_TIMES) {
            for (String term : List.of("started_after", "started_before")) {
                String q = "q=" + Api.encode(term + ":" + time);
                for (String view : List.of("/interceptions", "/sessions", "/interceptions/export", "/usage")) {
                    cases.add(new String[] {view + "?" + q, term});
                }
                cases.add(new String[] {"/usage?" + term + "=" + Api.encode(time), term});
            }
        }
        for (String number : BAD_NUMBERS) {
            cases.add(new String[] {"/interceptions?limit=" + Api.encode(number), "limit"});
            cases.add(new String[] {"/sessions?offset=" + Api.encode(number), "offset"});
            cases.add(new String[] {"/sessions/sess-a?limit=" + Api.encode(number), "limit"});
        }
        cases.add(new String[] {"/interceptions?limit=1001", "limit"});
        cases.add(new String[] {"/interceptions?after_id=made-up", "cursor"});
        cases.add(new String[] {"/interceptions?after_id=x&offset=1", "offset"});
        cases.add(new String[] {"/sessions?after_session_id=" + Api.encode("a.b"), "cursor"});
        cases.add(new String[] {"/sessions/sess-a?after_id=nope", "after_id"});
        cases.add(new String[] {"/sessions/sess-a?after_id=a&before_id=b", "before_id"});
        cases.add(new String[] {"/interceptions/not-a-uuid", "UUID"});
        cases.add(new String[] {"/interceptions/" + "f".repeat(200), "UUID"});
        cases.add(new String[] {"/usage?group_by=week", "group_by"});
        cases.add(new String[] {"/interceptions/export?format=xml", "format"});
        cases.add(new String[] {"/interceptions?q=" + Api.encode("colour:red"), "colour"});
        cases.add(new String[] {"/interceptions?q=" + Api.encode("client:\"open"), "quote"});

        for (String person : List.of("alice", "carol")) {
            for (String[] c : cases) {
                Api.Answer answer = AuditWorld.api().get(BRIDGE + c[0], AuditWorld.key(person));

                assertThat(answer.status()).as(person + " " + c[0] + ": " + answer.text()).isEqualTo(400);
                assertThat(answer.json().path("message").asText()).as(c[0]).isNotEmpty();
                assertThat(answer.json().path("detail").asText()).as(c[0]).contains(c[1]);
            }
        }
    }
}
