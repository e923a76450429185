package dev.aigw.servicekit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigningKeyTest {
    private static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");
    private static final byte[] DIGEST = RowDigest.of("interceptions", java.util.Map.of("model", "m"));
    private static final byte[] OTHER = RowDigest.of("interceptions", java.util.Map.of("model", "n"));

    private static SigningKey key(String text) {
        return SigningKey.parse(Base64.getEncoder().encodeToString(text.getBytes()), new ArrayList<>()).orElseThrow();
    }

    @Test
    void shouldBindEveryPartOfALinkAndTheKey() {
        SigningKey key = key("0123456789abcdef0123456789abcdef");
        byte[] link = key.link("s", "alice", AT, "b", DIGEST, "a", AT.minusSeconds(1), OTHER);
        assertThat(key.link("s", "alice", AT, "b", DIGEST, "a", AT.minusSeconds(1), OTHER)).isEqualTo(link);
        assertThat(List.of(
                key.link("t", "alice", AT, "b", DIGEST, "a", AT.minusSeconds(1), OTHER),
                key.link("s", "bob", AT, "b", DIGEST, "a", AT.minusSeconds(1), OTHER),
                key.link("s", "alice", AT.plusMillis(1), "b", DIGEST, "a", AT.minusSeconds(1), OTHER),
                key.link("s", "alice", AT, "c", DIGEST, "a", AT.minusSeconds(1), OTHER),
                key.link("s", "alice", AT, "b", OTHER, "a", AT.minusSeconds(1), OTHER),
                key.link("s", "alice", AT, "b", DIGEST, "x", AT.minusSeconds(1), OTHER),
                key.link("s", "alice", AT, "b", DIGEST, "a", AT.minusSeconds(2), OTHER),
                key.link("s", "alice", AT, "b", DIGEST, "a", AT.minusSeconds(1), DIGEST),
                key.link("s", "alice", AT, "b", DIGEST, null, null, null),
                key("0123456789abcdef0123456789abcdeX").link("s", "alice", AT, "b", DIGEST, "a", AT.minusSeconds(1),
                        OTHER)))
                .allSatisfy(other -> assertThat(other).isNotEqualTo(link));
    }

    @Test
    void shouldRefuseShortOrMalformedKeysAndNeverShowOne() {
        List<String> problems = new ArrayList<>();
        assertThat(SigningKey.parse(Base64.getEncoder().encodeToString(new byte[31]), problems)).isEmpty();
        assertThat(SigningKey.parse("not base64!", problems)).isEmpty();
        assertThat(problems).hasSize(2).allSatisfy(p -> assertThat(p).startsWith("CODER_AI_GATEWAY_AUDIT_SIGNING_KEY"));
        String secret = "0123456789abcdef0123456789abcdef";
        SigningKey key = key(secret);
        assertThat(key.toString()).doesNotContain(secret).doesNotContain(Base64.getEncoder()
                .encodeToString(secret.getBytes())).contains(key.id());
        assertThat(key.id()).hasSize(16).isNotEqualTo(key("0123456789abcdef0123456789abcdeX").id());
    }
}
