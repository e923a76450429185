package dev.aigw.gateway.dump;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.Method;
import io.helidon.http.WritableHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WireFormatTest {
    private static final String KEY = "sk-ant-central-key-0123456789";

    @Test
    void shouldWriteTheRequestLineCanonicalSortedHeadersAndPrettyBodyWithItsOwnLength() {
        byte[] body = ("{\"model\":\"claude\",\"max_tokens\":1.50,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"meta\":{}}").getBytes(StandardCharsets.UTF_8);
        Headers headers = headers("x-api-key", KEY, "anthropic-version", "2023-06-01",
                "Content-Type", "application/json");
        URI uri = URI.create("http://upstream:8443/v1/messages?beta=true");

        String dump = new String(WireFormat.request(Method.POST, uri, headers, body), StandardCharsets.UTF_8);

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
        Headers headers = headers("Authorization", "Bearer " + KEY, "Api-Key", KEY, "X-Auth-Token", KEY,
                "Cookie", "session=" + KEY, "X-Amz-Security-Token", KEY,
                "X-Coder-AI-Governance-Token", "aigw_0123456789abcdef01234567_secret");

        URI uri = URI.create("http://upstream/models");

        String dump = new String(WireFormat.request(Method.GET, uri, headers, new byte[0]), StandardCharsets.UTF_8);

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
        Headers headers = headers("content-type", "application/json", "Set-Cookie", "a=" + KEY, "Set-Cookie", "b=short",
                "www-authenticate", "Bearer realm=\"api\"", "request-id", "req_1");

        String head = new String(WireFormat.responseHead(401, headers), StandardCharsets.UTF_8);

        assertThat(head).isEqualTo("HTTP/1.1 401 Unauthorized\r\n"
                + "Content-Type: application/json\r\n"
                + "Request-Id: req_1\r\n"
                + "Set-Cookie: a=sk...6789\r\n"
                + "Set-Cookie: b...t\r\n"
                + "Www-Authenticate: Bearer re...i\"\r\n"
                + "\r\n");
    }

    // Names and values in turn; a name given twice gets both values.
    private static Headers headers(String... namesAndValues) {
        WritableHeaders<?> headers = WritableHeaders.create();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(HeaderNames.create(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return headers;
    }
}
