package dev.aigw.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.control.v1.KeyEvent;
import dev.aigw.control.v1.KeyIssued;
import dev.aigw.control.v1.KeyRevoked;
import dev.aigw.control.v1.KeyRole;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyVerifierTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final GatewayKeys.NewKey key = GatewayKeys.generate();

    @Test
    void shouldAcceptAnIssuedKeyWithItsSecret() {
        KeyVerdict verdict = KeyVerifier.verify(key.full(), lookup(issuedEvent(null)), NOW);

        assertThat(verdict).isInstanceOf(KeyVerdict.Valid.class);
        assertThat(((KeyVerdict.Valid) verdict).key().getUserId()).isEqualTo("alice");
    }

    @Test
    void shouldRefuseUnknownMalformedAndWrongSecretAlike() {
        GatewayKeys.NewKey other = GatewayKeys.generate();
        String wrongSecret = "aigw_" + key.id() + "_" + other.secret();

        assertThat(KeyVerifier.verify(other.full(), lookup(issuedEvent(null)), NOW)).isEqualTo(refused(KeyVerifier.INVALID));
        assertThat(KeyVerifier.verify(wrongSecret, lookup(issuedEvent(null)), NOW)).isEqualTo(refused(KeyVerifier.INVALID));
        assertThat(KeyVerifier.verify("garbage", lookup(issuedEvent(null)), NOW)).isEqualTo(refused(KeyVerifier.INVALID));
    }

    @Test
    void shouldSayRevokedOrExpiredOnlyToTheHolderOfTheSecret() {
        KeyIssued issued = issued(null);
        KeyEvent revoked = new KeyEvent(key.id(), new KeyRevoked(issued, NOW.minusSeconds(5), "admin"));
        KeyEvent expired = issuedEvent(NOW.minusSeconds(1));

        assertThat(reason(KeyVerifier.verify(key.full(), lookup(revoked), NOW))).contains("revoked");
        assertThat(reason(KeyVerifier.verify(key.full(), lookup(expired), NOW))).contains("expired");
        String wrongSecret = "aigw_" + key.id() + "_" + GatewayKeys.generate().secret();
        assertThat(KeyVerifier.verify(wrongSecret, lookup(revoked), NOW)).isEqualTo(refused(KeyVerifier.INVALID));
    }

    private static KeyVerdict refused(String reason) {
        return new KeyVerdict.Refused(reason);
    }

    private static String reason(KeyVerdict verdict) {
        return ((KeyVerdict.Refused) verdict).reason();
    }

    private KeyEvent issuedEvent(Instant expiresAt) {
        return new KeyEvent(key.id(), issued(expiresAt));
    }

    private KeyIssued issued(Instant expiresAt) {
        return new KeyIssued("alice", "Alice", KeyRole.MEMBER, "laptop", NOW.minusSeconds(60), expiresAt,
                ByteBuffer.wrap(GatewayKeys.hash(key.secret())), GatewayKeys.hint(key.full()));
    }

    private java.util.function.Function<String, Optional<KeyEvent>> lookup(KeyEvent event) {
        Map<String, KeyEvent> keys = Map.of(key.id(), event);
        return id -> Optional.ofNullable(keys.get(id));
    }
}
