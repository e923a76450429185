package dev.aigw.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.hostile.Case.Expect;
import dev.aigw.hostile.Case.Shape;
import dev.aigw.hostile.RawCorpus.Route;
import dev.aigw.testkit.RealStack;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every query API route, broken over the wire as the gateway's are, then hostile searches, pages, ids and key bodies. */
@Order(3)
@ExtendWith({RealStack.class, HostileStack.class})
class QueryApiWireIT {
    private static final String A = "/api/v2/aibridge";
    private static final String G = "/api/v2/ai-gateway";

    @Test
    void shouldAnswerEveryMalformedRequestToEveryQueryApiRouteWithAClearErrorInItsShape() {
        String alice = HostileStack.key("alice");
        String admin = HostileStack.adminToken();
        List<Route> routes = List.of(
                new Route("GET", A + "/interceptions?limit=5", Shape.QUERY_API, alice, null, true, false),
                new Route("GET", G + "/sessions?limit=5", Shape.QUERY_API, alice, null, true, false),
                new Route("GET", A + "/usage?group_by=model", Shape.QUERY_API, alice, null, true, false),
                new Route("GET", A + "/interceptions/export?format=csv", Shape.QUERY_API, alice, null, true, false),
                new Route("GET", G + "/models", Shape.QUERY_API, alice, null, true, false),
                new Route("GET", A + "/providers", Shape.QUERY_API, alice, null, true, false),
                new Route("GET", "/api/v2/keys", Shape.QUERY_API, alice, null, true, false),
                new Route("POST", "/api/v2/keys", Shape.QUERY_API, alice, "{\"name\":\"laptop\"}", true, true),
                new Route("GET", "/api/v2/providers", Shape.QUERY_API, admin, null, true, false),
                new Route("GET", A + "/interceptions/00000000-0000-0000-0000-000000000000", Shape.QUERY_API, alice, null,
                        false, false),
                new Route("GET", "/nope", Shape.QUERY_API, alice, null, false, false),
                new Route("GET", "/health/ready", Shape.QUERY_API, null, null, true, false));
        int port = HostileStack.running().query().port();
        List<Case> cases = new ArrayList<>(RawCorpus.of(port, routes, 64 * 1024 * 1024));
        cases.addAll(searches(port, alice));
        cases.addAll(idsAndPages(port, alice));
        cases.addAll(keyBodies(port, admin));

        List<String> problems = Corpus.run(cases);

        assertThat(problems).as(Corpus.report(problems, cases.size())).isEmpty();
    }

    @Test
    void shouldRefuseABodyOverALimitOnTheQueryApi() {
        int port = HostileStack.running().query().port();
        byte[] huge = new byte[40 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        byte[] head = ("POST /api/v2/keys HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer "
                + HostileStack.adminToken() + "\r\nContent-Type: application/json\r\nContent-Length: " + (huge.length + 2)
                + "\r\n\r\n{\"").getBytes(StandardCharsets.UTF_8);
        byte[] request = new byte[head.length + huge.length + 2];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(huge, 0, request, head.length, huge.length);
        request[request.length - 2] = '"';
        request[request.length - 1] = '}';

        Answer answer = Wire.exchange(port, request, false, false);

        assertThat(answer.status()).as(answer.brief()).isEqualTo(413);
        assertThat(Verdict.shapeProblem(Shape.QUERY_API, answer)).isNull();
    }

    @Test
    void shouldNotLetAMemberCreateAKeyUnderAnotherPersonsUsername() {
        int port = HostileStack.running().query().port();
        Answer created = Http.send(port, "POST", "/api/v2/keys", Map.of("Authorization", "Bearer " + HostileStack.key("alice")),
                "{\"user_id\":\"alice\",\"username\":\"bob\",\"name\":\"mine\"}");

        assertThat(created.status()).as(created.brief()).isLessThan(500);
        if (created.status() == 201) {
            assertThat(created.json().path("username").asText()).as("username of alice's new key").isNotEqualTo("bob");
        } else {
            assertThat(created.status()).as(created.brief()).isBetween(400, 499);
        }
    }

    @Test
    void shouldEscapeFormulaCellsInTheCsvExport() {
        int gateway = HostileStack.running().gateway().port();
        List<String> formulas = List.of("=HYPERLINK(\"http://evil\")", "+SUM(1)", "-2+3", "@cmd");
        for (String model : formulas) {
            Answer sent = Ordinary.message(gateway, HostileStack.key("alice"), model, "csv " + model);
            assertThat(sent.status()).as(sent.brief()).isEqualTo(200);
        }
        int query = HostileStack.running().query().port();
        String csv = RealStack.await(Duration.ofSeconds(60), () -> {
            Answer export = Http.send(query, "GET", A + "/interceptions/export?format=csv&q=" + enc("initiator:alice"),
                    Map.of("Authorization", "Bearer " + HostileStack.adminToken()), (String) null);
            // Each formula cell is there, escaped with a leading quote (cells are compared parsed: CSV doubles quotes).
            List<String> cells = export.text().lines().flatMap(line -> Csv.cells(line).stream()).toList();
            return formulas.stream().allMatch(f -> cells.contains("'" + f)) ? export.text() : null;
        });

        for (String line : csv.lines().toList()) {
            for (String cell : Csv.cells(line)) {
                assertThat(cell).as("CSV cell in " + line).doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("-").doesNotStartWith("@");
            }
        }
    }

    private static List<Case> searches(int port, String alice) {
        List<String> malformed = List.of("colour:red", "initiator:\"unclosed", "model:a model:b", "started_after:99999-01-01T00:00:00Z",
                "started_after:+1000000000-01-01T00:00:00Z", "started_before:-999999999-01-01T00:00:00Z",
                "started_after:2026-02-30T00:00:00Z", "started_after:1e99", "started_after:" + "9".repeat(400),
                "initiator:" + RawCorpus.LONG, "x:".repeat(2_000));
        List<String> odd = List.of("", " ", ":", "initiator:", "initiator:me", "\u0000\u0001\u001f", "initiator:\u202Eevil",
                "model:\uD83D\uDE00", "started_after:0001-01-01T00:00:00Z", "started_before:9999-12-31T23:59:59Z",
                "started_after:9999-12-31T23:59:59Z started_before:0001-01-01T00:00:00Z", "\"\"", "initiator:\"a\\\"b\"",
                "provider:anthropic provider_name:x model:y client:z session_id:w initiator:v");
        List<Case> cases = new ArrayList<>();
        for (String path : List.of(A + "/interceptions", G + "/sessions", A + "/usage", A + "/interceptions/export",
                A + "/models")) {
            // The filter menus take no search: they may ignore one, but must not fail on it.
            Expect bad = path.endsWith("/models") ? Expect.ANSWERED : Expect.REFUSED;
            for (String q : malformed) {
                cases.add(get(port, path + "?q=" + enc(q), alice, bad, "q=" + q));
            }
            for (String q : odd) {
                cases.add(get(port, path + "?q=" + enc(q), alice, Expect.ANSWERED, "q=" + q));
            }
            cases.add(get(port, path + "?q=%zz", alice, bad, "q with invalid percent-encoding"));
            cases.add(get(port, path + "?q=%c3%28", alice, bad, "q of invalid UTF-8"));
        }
        for (String range : List.of("started_after=99999-01-01T00:00:00Z", "started_before=garbage", "group_by=colour",
                "started_after=2026-01-01T00:00:00Z&started_before=2025-01-01T00:00:00Z", "group_by=" + RawCorpus.LONG)) {
            cases.add(get(port, A + "/usage?" + range, alice, Expect.REFUSED, range));
        }
        cases.add(get(port, A + "/interceptions/export?format=xml", alice, Expect.REFUSED, "export format=xml"));
        return cases;
    }

    private static List<Case> idsAndPages(int port, String alice) {
        List<Case> cases = new ArrayList<>();
        for (String page : List.of("limit=-1", "limit=0", "limit=1001", "limit=99999999999999999999", "limit=abc", "limit=1e3",
                "limit=", "offset=-1", "offset=9223372036854775807", "offset=99999999999999999999", "after_id=garbage",
                "after_id=" + RawCorpus.LONG, "after_id=x&offset=1", "limit=1&limit=2")) {
            cases.add(get(port, A + "/interceptions?" + page, alice, Expect.REFUSED, page));
            cases.add(get(port, G + "/sessions?" + page.replace("after_id", "after_session_id"), alice, Expect.REFUSED, page));
        }
        for (String id : List.of("not-a-uuid", RawCorpus.LONG, "%00", "..", "%2e%2e", "..%2fsessions", "a%zz", "%c3%28",
                "00000000-0000-0000-0000-00000000000g", "00000000-0000-0000-0000-0000000000000")) {
            cases.add(get(port, A + "/interceptions/" + id, alice, Expect.REFUSED, "interception id " + id));
            cases.add(get(port, G + "/sessions/" + id + "?limit=-1", alice, Expect.REFUSED, "session id " + id + ", bad limit"));
            cases.add(get(port, "/api/v2/keys/" + id, alice, Expect.REFUSED, "key id " + id));
        }
        cases.add(get(port, A + "/interceptions/../sessions", alice, Expect.REFUSED, "dot segments into another route"));
        cases.add(get(port, "/api/v2/aibridge/./interceptions", alice, Expect.REFUSED, "dot segment"));
        return cases;
    }

    private static List<Case> keyBodies(int port, String admin) {
        List<String> refused = List.of("", "null", "[]", "\"x\"", "{", "{\"user_id\":{}}", "{\"user_id\":\"u\",\"role\":7}",
                "{\"user_id\":\"u\",\"role\":\"superadmin\"}", "{\"user_id\":\"u\",\"name\":\"" + RawCorpus.LONG + "\"}",
                "{\"user_id\":\"" + RawCorpus.LONG + "\"}", "{\"user_id\":\"u\",\"username\":\"" + RawCorpus.LONG + "\"}",
                "{\"user_id\":\"u\",\"expires_at\":\"2001-01-01T00:00:00Z\"}", "{\"user_id\":\"u\",\"expires_at\":\"garbage\"}",
                "{\"user_id\":\"u\",\"expires_at\":\"+100000-01-01T00:00:00Z\"}", "{\"user_id\":\"u\\u0000\"}",
                "{\"user_id\":\"\"}");
        List<String> answered = List.of("{\"user_id\":\"u\",\"expires_at\":\"9999-12-31T23:59:59Z\"}",
                "{\"user_id\":\"u\",\"expires_at\":\"2999-01-01T00:00:00Z\"}");
        List<Case> cases = new ArrayList<>();
        for (String body : refused) {
            cases.add(send(port, "POST", "/api/v2/keys", admin, body, Expect.REFUSED));
        }
        for (String body : answered) {
            cases.add(send(port, "POST", "/api/v2/keys", admin, body, Expect.ANSWERED));
        }
        for (String body : List.of("", "null", "{", "{\"type\":7}", "{\"base_url\":\"not a url\"}", "{\"keys\":\"x\"}")) {
            cases.add(send(port, "PUT", "/api/v2/providers/hostile-" + Integer.toHexString(body.hashCode()), admin, body,
                    Expect.REFUSED));
        }
        return cases;
    }

    private static Case get(int port, String target, String token, Expect expect, String what) {
        String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer " + token
                + "\r\n\r\n";
        return new Case("GET " + abbreviate(target) + ": " + abbreviate(what), port, request.getBytes(StandardCharsets.UTF_8),
                expect, Shape.QUERY_API, false, false);
    }

    private static Case send(int port, String method, String target, String token, String body, Expect expect) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n" + body;
        return new Case(method + " " + target + ": body " + abbreviate(body), port, request.getBytes(StandardCharsets.UTF_8), expect,
                Shape.QUERY_API, false, false);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 100 ? clean.substring(0, 100) + "... (" + clean.length() + " chars)" : clean;
    }
}
