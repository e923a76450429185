package dev.aigw.query.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.servicekit.chain.RowDigest;
import dev.aigw.servicekit.chain.SigningKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final SigningKey KEY = key("0123456789abcdef0123456789abcdef");
    private static final ChainVerifier VERIFIER = new ChainVerifier(KEY);
    private static final Duration RETENTION = Duration.ofDays(60);

    /** A session as the recorder leaves it: n closed interceptions, each linked to the one before. */
    private static final class Session {
        final List<ChainVerifier.Link> links = new ArrayList<>();
        final List<ChainVerifier.Member> members = new ArrayList<>();
        final Map<UUID, byte[]> rows = new HashMap<>();

        Session(int n, Instant first, SigningKey key) {
            ChainVerifier.Link previous = null;
            for (int i = 0; i < n; i++) {
                UUID id = UUID.randomUUID();
                Instant at = first.plusSeconds(60L * i);
                byte[] digest = RowDigest.of("interceptions", Map.of("interception_id", id, "prompt", "p" + i));
                ChainVerifier.Link link = link(key, at, id, digest, previous);
                links.add(link);
                members.add(new ChainVerifier.Member(at, id, "completed"));
                rows.put(id, digest);
                previous = link;
            }
        }

        ChainVerifier.Result verify() {
            return VERIFIER.verify("s", "alice", links, members, id -> Optional.ofNullable(rows.get(id)), NOW);
        }

        UUID id(int i) {
            return links.get(i).interceptionId();
        }
    }

    private static ChainVerifier.Link link(SigningKey key, Instant at, UUID id, byte[] digest, ChainVerifier.Link prev) {
        byte[] link = key.link("s", "alice", at, id.toString(), digest, prev == null ? null : prev.interceptionId().toString(),
                prev == null ? null : prev.startedAt(), prev == null ? null : prev.digest());
        return new ChainVerifier.Link(at, id, digest, prev == null ? null : prev.interceptionId(),
                prev == null ? null : prev.startedAt(), prev == null ? null : prev.digest(), link, at.plus(RETENTION));
    }

    private static SigningKey key(String text) {
        return SigningKey.parse(Base64.getEncoder().encodeToString(text.getBytes()), new ArrayList<>()).orElseThrow();
    }

    private static List<String> found(ChainVerifier.Result result) {
        return result.findings().stream().map(f -> f.kind().label() + " " + f.interceptionId()).toList();
    }

    @Test
    void shouldFindNothingInAnIntactChain() {
        Session s = new Session(4, NOW.minusSeconds(3600), KEY);
        ChainVerifier.Result result = s.verify();
        assertThat(result.findings()).isEmpty();
        assertThat(result.links()).isEqualTo(4);
    }

    @Test
    void shouldReportAChangedRow() {
        Session s = new Session(4, NOW.minusSeconds(3600), KEY);
        s.rows.put(s.id(1), RowDigest.of("interceptions", Map.of("prompt", "rewritten")));
        assertThat(found(s.verify())).containsExactly("changed " + s.id(1));
    }

    @Test
    void shouldReportARemovedInterceptionWhetherItsLinkWentWithItOrNot() {
        Session rowsOnly = new Session(4, NOW.minusSeconds(3600), KEY);
        rowsOnly.rows.remove(rowsOnly.id(2));
        assertThat(found(rowsOnly.verify())).containsExactly("removed " + rowsOnly.id(2));

        Session all = new Session(4, NOW.minusSeconds(3600), KEY);
        UUID gone = all.id(2);
        all.rows.remove(gone);
        all.links.remove(2);
        all.members.remove(2);
        assertThat(found(all.verify())).containsExactly("removed " + gone);

        Session listing = new Session(4, NOW.minusSeconds(3600), KEY);
        listing.members.remove(1);
        assertThat(found(listing.verify())).containsExactly("removed " + listing.id(1));
    }

    @Test
    void shouldReportAnInsertedRowWithoutALinkOrWithAForgedOne() {
        Session unlinked = new Session(3, NOW.minusSeconds(3600), KEY);
        UUID forged = UUID.randomUUID();
        unlinked.members.add(2, new ChainVerifier.Member(unlinked.links.get(1).startedAt().plusSeconds(1), forged,
                "completed"));
        assertThat(found(unlinked.verify())).containsExactly("inserted " + forged);

        Session signedElsewhere = new Session(3, NOW.minusSeconds(3600), KEY);
        Session attacker = new Session(1, NOW.minusSeconds(1800), key("another key, not the operator's!"));
        signedElsewhere.links.add(attacker.links.getFirst());
        signedElsewhere.members.add(attacker.members.getFirst());
        signedElsewhere.rows.putAll(attacker.rows);
        assertThat(found(signedElsewhere.verify())).containsExactly("inserted " + attacker.id(0));
    }

    @Test
    void shouldCountOpenAndPreSigningRowsWithoutReportingThem() {
        Session s = new Session(2, NOW.minusSeconds(3600), KEY);
        s.members.addFirst(new ChainVerifier.Member(NOW.minusSeconds(7200), UUID.randomUUID(), "completed"));
        s.members.add(new ChainVerifier.Member(NOW.minusSeconds(60), UUID.randomUUID(), "in_progress"));
        ChainVerifier.Result result = s.verify();
        assertThat(result.findings()).isEmpty();
        assertThat(result.unsigned()).isEqualTo(1);
        assertThat(result.open()).isEqualTo(1);
    }

    @Test
    void shouldTellAnExpiredHeadFromARemovedOne() {
        Session old = new Session(3, NOW.minus(RETENTION).minusSeconds(90), KEY);
        old.links.removeFirst();
        old.members.removeFirst();
        assertThat(old.verify().findings()).as("the first link's predecessor is past retention").isEmpty();

        Session recent = new Session(3, NOW.minusSeconds(3600), KEY);
        UUID head = recent.id(0);
        recent.links.removeFirst();
        recent.members.removeFirst();
        assertThat(found(recent.verify())).containsExactly("removed " + head);
    }
}
