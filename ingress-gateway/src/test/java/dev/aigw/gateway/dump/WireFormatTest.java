package dev.aigw.gateway.dump;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireFormatTest {
    private static final String KEY = "sk-ant-central-key-0123456789";

    @Test
    void shouldWriteTheRequestLineCanonicalSortedHeadersAndPrettyBodyWithItsOwnLength() {
        byte[] body = ("{\"model\":\"claude\",\"max_tokens\":1.50,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"meta\":{}}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://upstream:8443/v1/messages?beta=true"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("x-api-key", KEY)
                .header("anthropic-version", "2023-06-01")
                .header("Content-Type", "application/json")
                .build();

        String dump = new String(WireFormat.request(request, body), StandardCharsets.UTF_8);

        String pretty = """
                {
                  "model": "claude",
                  "max_tokens": 1.50,
                  "messages": [
                    {
                      "role": "user",
                      "content": "hi"
                    }
                  ],
                  "meta": {}
                }""";
        assertThat(dump).isEqualTo("POST /v1/messages?beta=true HTTP/1.1\r\n"
                + "Anthropic-Version: 2023-06-01\r\n"
                + "Content-Length: " + pretty.length() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Host: upstream:8443\r\n"
                + "X-Api-Key: sk-a...6789\r\n"
                + "\r\n"
                + pretty);
    }

    @Test
    void shouldMaskEveryCredentialHeaderAndKeepTheAuthorizationScheme() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://upstream/models")).GET()
                .header("Authorization", "Bearer " + KEY)
                .header("Api-Key", KEY)
                .header("X-Auth-Token", KEY)
                .header("Cookie", "session=" + KEY)
                .header("X-Amz-Security-Token", KEY)
                .header("X-Coder-AI-Governance-Token", "aigw_0123456789abcdef01234567_secret")
                .build();

        String dump = new String(WireFormat.request(request, new byte[0]), StandardCharsets.UTF_8);

        assertThat(dump).doesNotContain(KEY).doesNotContain("_secret")
                .contains("Authorization: Bearer sk-a...6789\r\n", "Api-Key: sk-a...6789\r\n", "X-Auth-Token: sk-a...6789\r\n",
                        "Cookie: sess...6789\r\n", "X-Amz-Security-Token: sk-a...6789\r\n",
                        "X-Coder-Ai-Governance-Token: aigw...cret\r\n", "Content-Length: 0\r\n")
                .startsWith("GET /models HTTP/1.1\r\n")
                .endsWith("\r\n\r\n");
    }

    @Test
    void shouldLeaveABodyThatIsNotExactlyOneJsonValueAsItIs() {
        for (String body : new String[] {"not json", "{\"a\":1} {\"b\":2}", "{\"a\":", "  "}) {
            assertThat(PrettyJson.orAsIs(body.getBytes(StandardCharsets.UTF_8))).asString(StandardCharsets.UTF_8).isEqualTo(body);
        }
    }

    @Test
    void shouldWriteTheStatusLineAndSortedHeadersWithCookiesAndChallengesMasked() {
        HttpResponse.ResponseInfo info = response(401, Map.of(
                "content-type", List.of("application/json"),
                "Set-Cookie", List.of("a=" + KEY, "b=short"),
                "www-authenticate", List.of("Bearer realm=\"api\""),
                "request-id", List.of("req_1")));

        String head = new String(WireFormat.responseHead(info), StandardCharsets.UTF_8);

        assertThat(head).isEqualTo("HTTP/1.1 401 Unauthorized\r\n"
                + "Content-Type: application/json\r\n"
                + "Request-Id: req_1\r\n"
                + "Set-Cookie: a=sk...6789\r\n"
                + "Set-Cookie: b...t\r\n"
                + "Www-Authenticate: Bearer re...i\"\r\n"
                + "\r\n");
    }

    static HttpResponse.ResponseInfo response(int status, Map<String, List<String>> headers) {
        return new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpHeaders headers() {
                return HttpHeaders.of(headers, (name, value) -> true);
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }
}
