package dev.aigw.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"/a/../b", "/a/./b", "/a/..", "/a%2Fb", "/a%2fb", "/a%5Cb", "/a/%2E%2E/b", "/a\\b", "/a%00", "/a%0d%0a"})
    void shouldFindAmbiguousPaths(String path) {
        assertThat(PathGuard.ambiguous(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v2/aibridge/openai/v1/chat/completions", "/a/..b/c", "/a/b.c", "/a%20b", "/v1/models/gpt-4.1"})
    void shouldPassPlainPaths(String path) {
        assertThat(PathGuard.ambiguous(path)).isFalse();
    }
}
