package dev.aigw.bench.mock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.bench.mock.ApiShape.SseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

class MockUpstreamTest {
    // 100 characters over 7 deltas do not divide evenly, so the split is tested too.
    private static final MockProfile BASE = MockProfile.ofMillis(0, 7, 0, 100);

    private static MockUpstream mock;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        mock = MockUpstream.start("127.0.0.1", 0, BASE);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        mock.close();
    }

    @BeforeEach
    void reset() {
        mock.profile(BASE);
    }

    @ParameterizedTest
    @EnumSource(ApiShape.class)
    void blockingAnswerHasTheProfilesTextAndUsage(ApiShape api) throws Exception {
        HttpResponse<String> res = post(api.path, ApiShape.body(false));

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(res.headers().firstValueAsLong("content-length")).hasValue(res.body().length());
        JsonNode answer = ApiShape.json(res.body());
        assertThat(answer.at(api.textPointer).asText()).hasSize(100);
        assertThat(answer.at(api.outputTokensPointer).asInt()).isEqualTo(7);
    }

    @ParameterizedTest
    @EnumSource(ApiShape.class)
    void streamHasTheDeltasThenTheClosingEventsWithUsage(ApiShape api) throws Exception {
        String blockingText = ApiShape.json(post(api.path, ApiShape.body(false)).body()).at(api.textPointer).asText();

        HttpResponse<String> res = post(api.path, ApiShape.body(true));

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type")).hasValue("text/event-stream");
        List<SseEvent> events = SseEvent.parse(res.body());
        List<String> deltas = api.deltas(events);
        assertThat(deltas).hasSize(7).allSatisfy(delta -> assertThat(delta).hasSizeBetween(14, 15));
        assertThat(String.join("", deltas)).isEqualTo(blockingText);
        SseEvent last = events.getLast();
        switch (api) {
            case CHAT -> {
                assertThat(last.data()).isEqualTo("[DONE]");
                JsonNode usage = events.get(events.size() - 2).json();
                assertThat(usage.get("choices")).isEmpty();
                assertThat(usage.at("/usage/completion_tokens").asInt()).isEqualTo(7);
                assertThat(events.get(events.size() - 3).json().at("/choices/0/finish_reason").asText())
                        .isEqualTo("stop");
                assertThat(events.getFirst().json().at("/choices/0/delta/role").asText()).isEqualTo("assistant");
            }
            case RESPONSES -> {
                assertThat(events).extracting(SseEvent::name).startsWith("response.created", "response.in_progress",
                        "response.output_item.added", "response.content_part.added").endsWith(
                        "response.output_text.done", "response.content_part.done", "response.output_item.done",
                        "response.completed");
                assertThat(last.json().at("/response/usage/output_tokens").asInt()).isEqualTo(7);
                assertThat(events).extracting(event -> event.json().get("sequence_number").asInt())
                        .containsExactlyElementsOf(range(events.size()));
            }
            case MESSAGES -> {
                assertThat(events).extracting(SseEvent::name).startsWith("message_start", "content_block_start")
                        .endsWith("content_block_stop", "message_delta", "message_stop");
                assertThat(events.getFirst().json().at("/message/usage/input_tokens").asInt()).isPositive();
                assertThat(events.get(events.size() - 2).json().at("/usage/output_tokens").asInt()).isEqualTo(7);
            }
        }
        if (api != ApiShape.CHAT) {
            assertThat(events).allSatisfy(event -> assertThat(event.json().get("type").asText())
                    .isEqualTo(event.name()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"stream\" : true}", "{\"stream\":\n\ttrue}", "{\"a\":1, \"stream\": true}"})
    void streamsWhateverTheSpacingAroundTheFlag(String body) throws Exception {
        assertThat(post("/v1/messages", body).headers().firstValue("content-type")).hasValue("text/event-stream");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"stream\": false, \"stream_options\": {\"include_usage\": true}}", "{}", ""})
    void answersAtOnceUnlessStreamIsTrue(String body) throws Exception {
        assertThat(post("/v1/chat/completions", body).headers().firstValue("content-type"))
                .hasValue("application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/chat/completions", "/api/v2/aibridge/openai/v1/chat/completions", "/responses",
                            "/anthropic/v1/messages"})
    void anyPrefixWorks(String path) throws Exception {
        assertThat(post(path, "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathsAndMethodsAre404WithAJsonError() throws Exception {
        HttpResponse<String> unknown = post("/v1/messages/count_tokens", "{}");
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(uri("/v1/chat/completions")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(ApiShape.json(unknown.body()).at("/error/message").asText()).contains("/v1/messages/count_tokens");
        assertThat(get.statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(ApiShape.class)
    void deltasArriveAGapApart(ApiShape api) throws Exception {
        mock.profile(MockProfile.ofMillis(0, 5, 20, 50));
        deltaArrivals(api);

        long sent = System.nanoTime();
        List<Long> arrivals = deltaArrivals(api);

        // Lower bounds only: a loaded machine may delay deltas, never hurry them. The mock keeps to a schedule, so a
        // stall before the first delta lets later ones catch up and shortens the spread (CI once saw 67 of 80 ms).
        // Two gaps' worth still tells a paced stream from one buffered to its end, whose spread is near 0.
        assertThat(arrivals).hasSize(5);
        assertThat(Duration.ofNanos(arrivals.getLast() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(80));
        assertThat(Duration.ofNanos(arrivals.getLast() - arrivals.getFirst())).isGreaterThanOrEqualTo(
                Duration.ofMillis(40));
    }

    private static List<Long> deltaArrivals(ApiShape api) throws Exception {
        List<Long> arrivals = new ArrayList<>();
        HttpResponse<InputStream> res = client.send(request(api.path, ApiShape.body(true)),
                HttpResponse.BodyHandlers.ofInputStream());
        try (var lines = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
            String event = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event: ")) {
                    event = line.substring("event: ".length());
                } else if (line.startsWith("data: ")
                        && api.delta(new SseEvent(event, line.substring("data: ".length()))) != null) {
                    arrivals.add(System.nanoTime());
                }
            }
        }
        return arrivals;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void latencyComesBeforeTheHeaders(boolean stream) throws Exception {
        mock.profile(MockProfile.ofMillis(150, 3, 0, 30));

        long sent = System.nanoTime();
        HttpResponse<InputStream> res = client.send(request("/v1/responses", ApiShape.body(stream)),
                HttpResponse.BodyHandlers.ofInputStream());
        long headers = System.nanoTime();
        res.body().readAllBytes();

        assertThat(Duration.ofNanos(headers - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void controlEndpointChangesOnlyTheFieldsGiven() throws Exception {
        assertThat(ApiShape.json(get("/_mock/profile").body()))
                .isEqualTo(ApiShape.json("{\"latency_ms\":0,\"deltas\":7,\"gap_ms\":0,\"content_bytes\":100}"));

        HttpResponse<String> put = put("{\"deltas\": 3, \"content_bytes\": 33}");

        assertThat(put.statusCode()).isEqualTo(204);
        assertThat(mock.profile()).isEqualTo(MockProfile.ofMillis(0, 3, 0, 33));
        assertThat(ApiShape.json(get("/_mock/profile").body()))
                .isEqualTo(ApiShape.json("{\"latency_ms\":0,\"deltas\":3,\"gap_ms\":0,\"content_bytes\":33}"));
        JsonNode answer = ApiShape.json(post("/v1/messages", "{}").body());
        assertThat(answer.at(ApiShape.MESSAGES.textPointer).asText()).hasSize(33);
        assertThat(ApiShape.MESSAGES.deltas(SseEvent.parse(post("/v1/messages", ApiShape.body(true)).body())))
                .hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"deltas\": 0}", "{\"latency_ms\": -1}", "{\"deltas\": \"many\"}", "{\"gap_ms\": 1.5}",
                            "{\"delta\": 3}", "not json", "[]", "", "{\"deltas\": 50, \"content_bytes\": 10}"})
    void controlEndpointRefusesBadProfiles(String body) throws Exception {
        HttpResponse<String> put = put(body);

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(ApiShape.json(put.body()).at("/error/message").asText()).isNotBlank();
        assertThat(mock.profile()).isEqualTo(BASE);
    }

    @Test
    void aClientLeavingMidStreamIsQuietAndHarmless() throws Exception {
        mock.profile(MockProfile.ofMillis(0, 20, 10, 100));
        List<LogRecord> logged;
        try (CapturedLog log = new CapturedLog(); Socket socket = new Socket("127.0.0.1", mock.port())) {
            socket.getOutputStream().write(rawPost("/v1/messages", ApiShape.body(true)));
            var lines = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (String line = lines.readLine(); !line.contains("text_delta"); line = lines.readLine()) {
                assertThat(line).isNotNull();
            }
            socket.close();
            // The rest of the stream would have taken 190 ms: by then the mock has met the closed socket.
            Thread.sleep(400);
            logged = log.records();
        }

        assertQuiet(logged);
        assertThat(post("/v1/messages", "{}").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void closingWithRequestsInFlightIsQuiet(boolean stream) throws Exception {
        MockUpstream closing = MockUpstream.start("127.0.0.1", 0, MockProfile.ofMillis(stream ? 0 : 10_000, 10,
                10_000, 100));
        List<LogRecord> logged;
        try (CapturedLog log = new CapturedLog()) {
            var answer = client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closing.port()
                    + "/v1/messages")).POST(HttpRequest.BodyPublishers.ofString(ApiShape.body(stream))).build(),
                    HttpResponse.BodyHandlers.discarding());
            Thread.sleep(150);
            closing.close();
            answer.exceptionally(e -> null).get();
            // Helidon would log a failed request after the client has its answer and close() has returned.
            Thread.sleep(200);
            logged = log.records();
        }

        assertQuiet(logged);
    }

    private static void assertQuiet(List<LogRecord> logged) {
        assertThat(logged).allSatisfy(entry -> {
            assertThat(entry.getLevel().intValue()).as(entry.getMessage()).isLessThan(Level.WARNING.intValue());
            assertThat(entry.getThrown()).isNull();
        });
    }

    @Test
    void keepsTheConnectionAlive() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", mock.port())) {
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            for (int i = 0; i < 2; i++) {
                socket.getOutputStream().write(rawPost("/v1/chat/completions", "{}"));
                assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
                int length = -1;
                for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring("content-length:".length()).trim());
                    }
                }
                assertThat(in.skip(length)).isEqualTo(length);
            }
        }
    }

    @Test
    void healthAnswers200() throws Exception {
        assertThat(get("/_mock/health").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return client.send(request(path, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> put(String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri("/_mock/profile")).PUT(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] rawPost(String path, String body) {
        return ("POST " + path + " HTTP/1.1\r\nHost: mock\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    private static HttpRequest request(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + mock.port() + path);
    }

    private static List<Integer> range(int size) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            numbers.add(i);
        }
        return numbers;
    }
}
