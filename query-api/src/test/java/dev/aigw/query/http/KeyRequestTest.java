package dev.aigw.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.control.v1.KeyRole;
import io.helidon.http.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyRequestTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final Duration MAX = Duration.ofDays(730);

    @Test
    void shouldReadAFullRequestAndDefaultTheRest() {
        KeyRequest full = parse("{\"user_id\": \"u-1\", \"username\": \"Ada Lovelace 🧮\", \"role\": \"Auditor\","
                + " \"name\": \"laptop\", \"expires_at\": \"2027-01-01T00:00:00+01:00\"}");
        KeyRequest empty = parse("{}");

        assertThat(full).isEqualTo(new KeyRequest(Optional.of("u-1"), Optional.of("Ada Lovelace 🧮"),
                KeyRole.AUDITOR, "laptop", Optional.of(Instant.parse("2026-12-31T23:00:00Z"))));
        assertThat(empty.role()).isEqualTo(KeyRole.MEMBER);
        assertThat(empty.name()).isEqualTo("default");
        assertThat(empty.userId()).isEmpty();
        assertThat(empty.expiresAt()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "|body",
        "not json|body",
        "[]|body",
        "\"a string\"|body",
        "{\"name\": |body",
        "{\"name\": 5}|name",
        "{\"username\": {\"first\": \"x\"}}|username",
        "{\"user_id\": [\"x\"]}|user_id",
        "{\"role\": \"boss\"}|role",
        "{\"nmae\": \"laptop\"}|nmae",
        "{\"name\": \"\"}|name",
        "{\"name\": \"  \"}|name",
        "{\"username\": \" padded\"}|username",
        "{\"expires_at\": 99999999999999}|expires_at",
        "{\"expires_at\": \"soon\"}|expires_at",
        "{\"expires_at\": \"2026-12-07T12:00:00Z\"}|expires_at",
        "{\"expires_at\": \"1999-01-01T00:00:00Z\"}|expires_at",
        "{\"expires_at\": \"-5000-01-01T00:00:00Z\"}|expires_at",
        "{\"expires_at\": \"+99999-01-01T00:00:00Z\"}|expires_at",
        "{\"expires_at\": \"+999999999-12-31T23:59:59Z\"}|expires_at",
        "{\"expires_at\": \"2928-12-07T12:00:00Z\"}|expires_at",
        "{\"expires_at\": \"2028-12-07T12:00:01Z\"}|expires_at"})
    void shouldRefuseWithA400NamingTheField(String body, String field) {
        assertThatThrownBy(() -> parse(body == null ? "" : body))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(Status.BAD_REQUEST_400);
                    assertThat(e.getMessage()).isEqualTo("Invalid request: " + field + ".");
                    assertThat(e.detail()).startsWith(field + " ");
                });
    }

    @Test
    void shouldAcceptAnExpiryUpToTheMaximumLifetime() {
        assertThat(parse("{\"expires_at\": \"2028-12-06T12:00:00Z\"}").expiresAt()).hasValue(NOW.plus(MAX));
    }

    @Test
    void shouldBoundLabelsTo128PrintableCharacters() {
        String longest = "é".repeat(64) + "🧮".repeat(64);
        assertThat(KeyRequest.label("name", longest)).isEqualTo(longest);
        assertThatThrownBy(() -> KeyRequest.label("name", longest + "x")).hasMessageContaining("name")
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.detail()).contains("at most 128"));
        assertThatThrownBy(() -> KeyRequest.label("name", "x".repeat(100_000))).isInstanceOf(ApiException.class);

        List<String> unprintable = new ArrayList<>();
        for (int c = 0; c < 0x20; c++) {
            unprintable.add(Character.toString(c));
        }
        // DEL, C1 controls, zero-width space, right-to-left override, line and paragraph separators, BOM, private use,
        // an unassigned code point and half a surrogate pair.
        for (int c : new int[] {0x7f, 0x85, 0x9b, 0x200b, 0x202e, 0x2028, 0x2029, 0xfeff, 0xe000, 0x0378, 0xd800}) {
            unprintable.add(Character.toString(c));
        }
        for (String bad : unprintable) {
            for (String label : List.of(bad + "alice", "al" + bad + "ice", "alice" + bad)) {
                assertThatThrownBy(() -> KeyRequest.label("username", label)).as("U+%04X", (int) bad.charAt(0))
                        .isInstanceOf(ApiException.class);
            }
        }
    }

    private static KeyRequest parse(String body) {
        return KeyRequest.parse(JsonBody.parse(body), NOW, MAX);
    }
}
