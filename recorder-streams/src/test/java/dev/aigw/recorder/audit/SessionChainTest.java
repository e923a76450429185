package dev.aigw.recorder.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.servicekit.chain.SigningKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionChainTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final SigningKey KEY = SigningKey.parse(Base64.getEncoder()
            .encodeToString("0123456789abcdef0123456789abcdef".getBytes()), new ArrayList<>()).orElseThrow();

    private static SessionChain.Member member(int hour) {
        return new SessionChain.Member(UUID.nameUUIDFromBytes(new byte[] {(byte) hour}).toString(),
                T0.plusSeconds(3600L * hour), HexFormat.of().formatHex(new byte[32]).replace('0', (char) ('a' + hour % 6)));
    }

    private static SessionChain chain(int... hours) {
        SessionChain chain = SessionChain.empty();
        for (int hour : hours) {
            chain = chain.with(member(hour));
        }
        return chain;
    }

    @Test
    void shouldLinkEachMemberToItsPredecessorInStartOrderWhateverTheOrderItCameIn() {
        SessionChain inOrder = chain(1, 2, 3);
        SessionChain shuffled = chain(3, 1, 2);
        for (int hour : new int[] {1, 2, 3}) {
            assertThat(shuffled.link(member(hour), "s", "alice", KEY, null))
                    .isEqualTo(inOrder.link(member(hour), "s", "alice", KEY, null));
        }
        assertThat(inOrder.link(member(1), "s", "alice", KEY, null).previousId()).isNull();
        assertThat(inOrder.link(member(3), "s", "alice", KEY, null).previousId()).isEqualTo(member(2).interceptionId());
    }

    @Test
    void shouldRelinkTheSuccessorOfAnInsertedOrChangedMember() {
        SessionChain chain = chain(1, 3, 5);
        assertThat(chain.with(member(2)).affectedBy(member(2))).containsExactly(member(2), member(3));
        assertThat(chain.affectedBy(member(5))).containsExactly(member(5));
        assertThat(chain.holds(member(3))).isTrue();
        SessionChain.Member changed = new SessionChain.Member(member(3).interceptionId(), member(3).startedAt(),
                member(4).digest());
        assertThat(chain.holds(changed)).isFalse();
    }

    @Test
    void shouldForgetSettledMembersButTheNewestSoNewLinksStayTheSame() {
        SessionChain full = chain(1, 2, 3, 4, 5);
        SessionChain kept = full.withoutSettled(T0.plusSeconds(3600L * 4));
        assertThat(kept.members().values()).containsExactly(member(3), member(4), member(5));
        List<SessionChain.Member> later = List.of(member(6), member(7));
        for (SessionChain.Member m : later) {
            assertThat(kept.with(m).link(m, "s", "alice", KEY, null)).isEqualTo(full.with(m).link(m, "s", "alice", KEY, null));
        }
        assertThat(chain(1).withoutSettled(T0.plusSeconds(36_000))).isEqualTo(chain(1));
        assertThat(full.endsBefore(T0.plusSeconds(3600L * 6))).isTrue();
        assertThat(full.endsBefore(T0.plusSeconds(3600L * 5))).isFalse();
    }
}
