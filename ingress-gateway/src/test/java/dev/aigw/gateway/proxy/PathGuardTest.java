package dev.aigw.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.testkit.generate.Generator;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"/a/../b", "/a/./b", "/a/..", "/a/..;x/b", "/a/.;/b", "/a/..;", "/a%2Fb", "/a%2fb", "/a%5Cb", "/a/%2E%2E/b", "/a\\b", "/a%00", "/a%0d%0a"})
    void shouldFindAmbiguousPaths(String path) {
        assertThat(PathGuard.ambiguous(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v2/aibridge/openai/v1/chat/completions", "/a/..b/c", "/a/b.c", "/a%20b", "/v1/models/gpt-4.1"})
    void shouldPassPlainPaths(String path) {
        assertThat(PathGuard.ambiguous(path)).isFalse();
        assertThat(PathGuard.decodable(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/models/%ff%fe", "/v1/models/%c0%af", "/v1/models/%", "/v1/models/%zz", "/m/%e2%82",
        "/m/%ed%a0%80", "/m/%f8%88%80%80%80", "/m/%7f", "/m/%1b", "/m/%2", "/m/%c2%85"})
    void shouldRefuseEscapesThatDoNotSpellUtf8Text(String path) {
        assertThat(PathGuard.decodable(path)).isFalse();
    }

    @Test
    void shouldPassExactlyTheEscapedBytesThatAreUtf8TextWithoutControls() {
        Generator generate = Generator.seeded();
        for (int i = 0; i < 3000; i++) {
            byte[] bytes = generate.bytes(6);
            String escaped = "/v1/models/" + HexFormat.of().formatHex(bytes).replaceAll("(..)", "%$1");
            String text = new String(bytes, StandardCharsets.UTF_8);
            boolean utf8 = Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes);

            assertThat(PathGuard.decodable(escaped)).as("%s, try %d: %s", generate, i, escaped)
                    .isEqualTo(utf8 && text.chars().noneMatch(Character::isISOControl));
        }
    }
}
