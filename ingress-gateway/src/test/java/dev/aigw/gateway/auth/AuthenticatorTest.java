package dev.aigw.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.control.v1.KeyEvent;
import dev.aigw.control.v1.KeyIssued;
import dev.aigw.control.v1.KeyRevoked;
import dev.aigw.control.v1.KeyRole;
import dev.aigw.control.GatewayKeys;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final Map<String, KeyEvent> keys = new HashMap<>();
    private final Authenticator authenticator = new Authenticator(Optional.of("admin-secret-token"),
            id -> Optional.ofNullable(keys.get(id)), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldAcceptTheAdminTokenAndAnIssuedKeyAsTheirOwners() {
        GatewayKeys.NewKey key = issue();

        assertThat(authenticator.authenticate("admin-secret-token"))
                .isEqualTo(new AuthResult.Accepted(new Identity("admin", "admin", "admin-token")));
        assertThat(authenticator.authenticate(key.full()))
                .isEqualTo(new AuthResult.Accepted(new Identity("alice", "Alice", key.id())));
    }

    @Test
    void shouldRefuseAKeyAsSoonAsTheViewHasItsRevocation() {
        GatewayKeys.NewKey key = issue();
        KeyIssued issued = (KeyIssued) keys.get(key.id()).getPayload();
        keys.put(key.id(), new KeyEvent(key.id(), new KeyRevoked(issued, NOW, "admin")));

        assertThat(authenticator.authenticate(key.full())).isInstanceOfSatisfying(AuthResult.Refused.class,
                r -> assertThat(r.reason()).contains("revoked").doesNotContain(key.secret()));
    }

    @Test
    void shouldRefuseMissingAndWrongCredentialsWithoutSayingWhy() {
        assertThat(authenticator.authenticate(null)).isEqualTo(new AuthResult.Refused("invalid gateway key"));
        assertThat(authenticator.authenticate("admin-secret-tokeN")).isEqualTo(new AuthResult.Refused("invalid gateway key"));
        assertThat(authenticator.authenticate(GatewayKeys.generate().full()))
                .isEqualTo(new AuthResult.Refused("invalid gateway key"));
    }

    private GatewayKeys.NewKey issue() {
        GatewayKeys.NewKey key = GatewayKeys.generate();
        keys.put(key.id(), new KeyEvent(key.id(), new KeyIssued("alice", "Alice", KeyRole.MEMBER, "laptop", NOW, null,
                ByteBuffer.wrap(GatewayKeys.hash(key.secret())), GatewayKeys.hint(key.full()))));
        return key;
    }
}
