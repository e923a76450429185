package dev.aigw.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.control.v1.KeyEvent;
import dev.aigw.control.v1.KeyIssued;
import dev.aigw.control.v1.KeyRevoked;
import dev.aigw.control.v1.KeyRole;
import io.helidon.http.Status;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeopleTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private final List<KeyEvent> keys = new ArrayList<>();

    @Test
    void shouldGiveANewPersonTheUsernameAskedForOrTheirUserId() {
        issue("alice-id", "Alice", 0);

        assertThat(people().usernameFor("bob-id", Optional.of("Bob"))).isEqualTo("Bob");
        assertThat(people().usernameFor("carol-id", Optional.empty())).isEqualTo("carol-id");
    }

    @Test
    void shouldKeepAKnownPersonsUsernameEvenAfterTheirKeysAreRevoked() {
        issue("alice-id", "Alice", 0);
        revokeAll();

        assertThat(people().usernameFor("alice-id", Optional.empty())).isEqualTo("Alice");
        assertThat(people().usernameFor("alice-id", Optional.of("Alice"))).isEqualTo("Alice");
        assertConflict(() -> people().usernameFor("alice-id", Optional.of("Alicia")), "already has keys under the username");
    }

    @Test
    void shouldNeverLetAUsernameOrUserIdNameTwoPeople() {
        issue("alice-id", "Alice", 0);

        assertConflict(() -> people().usernameFor("mallory-id", Optional.of("Alice")), "belongs to user alice-id");
        assertConflict(() -> people().usernameFor("mallory-id", Optional.of("alice-id")), "user id of another person");
        assertConflict(() -> people().usernameFor("Alice", Optional.of("Someone")), "is the username of user alice-id");
        assertConflict(() -> people().usernameFor("Alice", Optional.empty()), "belongs to user alice-id");
    }

    @Test
    void shouldLetThePersonsFirstKeyDecideWhereOlderKeysDisagree() {
        issue("alice-id", "Alice", 0);
        // Written before the rule: a later key of Alice's that carried another person's username.
        issue("alice-id", "Bob", 60);
        issue("bob-id", "Bob", 30);

        assertThat(people().usernameOf("alice-id")).hasValue("Alice");
        assertThat(people().named("Bob")).containsExactly("bob-id");
    }

    @Test
    void shouldMakeAMembersKeyTheirOwnWithTheUsernameAnAdminGaveThem() {
        issue("alice-id", "Alice", 0);
        Caller alice = new Caller("alice-id", "Alice", KeyRole.MEMBER, "k1");

        assertThat(KeysService.ownOwner(request(Optional.empty(), Optional.empty(), KeyRole.MEMBER), alice, people()))
                .isEqualTo(new KeysService.Owner("alice-id", "Alice"));
        assertThat(KeysService.ownOwner(request(Optional.of("alice-id"), Optional.of("Alice"), KeyRole.MEMBER), alice,
                people())).isEqualTo(new KeysService.Owner("alice-id", "Alice"));
        assertForbidden(() -> KeysService.ownOwner(request(Optional.empty(), Optional.of("Bob"), KeyRole.MEMBER), alice,
                people()), "as an admin set it (yours is \"Alice\")");
        assertForbidden(() -> KeysService.ownOwner(request(Optional.of("bob-id"), Optional.empty(), KeyRole.MEMBER), alice,
                people()), "only be created for yourself");
        assertForbidden(() -> KeysService.ownOwner(request(Optional.empty(), Optional.empty(), KeyRole.AUDITOR), alice,
                people()), "up to your own role");
    }

    @Test
    void shouldTakeTheAdminSetUsernameOverTheOneOnTheCallersKey() {
        issue("alice-id", "Alice", 0);
        // A key from before the rule, on which Alice had typed Bob's name.
        Caller aliceAsBob = new Caller("alice-id", "Bob", KeyRole.MEMBER, "k2");

        assertThat(KeysService.ownOwner(request(Optional.empty(), Optional.empty(), KeyRole.MEMBER), aliceAsBob, people()))
                .isEqualTo(new KeysService.Owner("alice-id", "Alice"));
    }

    private People people() {
        return People.of(keys);
    }

    private void issue(String userId, String username, int minutes) {
        String id = "key" + keys.size();
        keys.add(new KeyEvent(id, new KeyIssued(userId, username, KeyRole.MEMBER, "laptop", T0.plus(Duration.ofMinutes(minutes)),
                null, ByteBuffer.wrap(new byte[32]), "aigw...0000")));
    }

    private void revokeAll() {
        keys.replaceAll(k -> new KeyEvent(k.getKeyId(), new KeyRevoked((KeyIssued) k.getPayload(), T0.plusSeconds(3600),
                "admin")));
    }

    private static KeyRequest request(Optional<String> userId, Optional<String> username, KeyRole role) {
        return new KeyRequest(userId, username, role, "laptop", Optional.empty());
    }

    private static void assertConflict(Runnable call, String detail) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(Status.CONFLICT_409);
            assertThat(e.detail()).contains(detail);
        });
    }

    private static void assertForbidden(Runnable call, String detail) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(Status.FORBIDDEN_403);
            assertThat(e.detail()).contains(detail);
        });
    }
}
