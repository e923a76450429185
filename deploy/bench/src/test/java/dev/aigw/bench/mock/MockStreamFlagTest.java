package dev.aigw.bench.mock;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MockStreamFlagTest {
    @ParameterizedTest
    @ValueSource(strings = {"{\"stream\":true}", "{\"stream\" : true}", "{\n  \"stream\":\r\n\ttrue\n}",
                            "{\"stream_options\":{\"include_usage\":true},\"stream\":true}",
                            "{\"messages\":[{\"content\":\"stream\"}],\"stream\": true}"})
    void findsStreamTrue(String body) {
        assertThat(StreamFlag.requested(bytes(body))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"stream\":false}", "{\"stream\": null}", "{\"stream_options\": true}",
                            "{\"content\":\"say \\\"stream\\\": true\"}", "{\"stream\"", "{\"stream\":",
                            "{\"stream\":tru"})
    void otherwiseAnswersAtOnce(String body) {
        assertThat(StreamFlag.requested(bytes(body))).isFalse();
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
