package dev.aigw.recorder.audit;

import dev.aigw.servicekit.chain.SigningKey;
import dev.aigw.servicekit.streams.StartOrder;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The closed interceptions of one session in chain order, (started_at, interception_id), with their digests. A link
 * binds an interception to its predecessor's id, start and digest, so the links depend only on which interceptions are
 * closed with which digests, never on the order the recorder learnt of them: replays and shuffles give the same chain.
 *
 * @param members closed interceptions by {@link StartOrder#key}
 */
public record SessionChain(SortedMap<String, Member> members) {
    private static final HexFormat HEX = HexFormat.of();

    /**
     * A closed interception in the chain.
     *
     * @param digest hex of its digest ({@link dev.aigw.servicekit.chain.RowDigest#interception})
     */
    public record Member(String interceptionId, Instant startedAt, String digest) {
        String place() {
            return StartOrder.key(startedAt, interceptionId);
        }
    }

    /** A chain without members. */
    public static SessionChain empty() {
        return new SessionChain(new TreeMap<>());
    }

    /** Whether {@code member} is in the chain with this very digest already. */
    public boolean holds(Member member) {
        return member.equals(members.get(member.place()));
    }

    /** This chain with {@code member} added or its digest replaced. */
    public SessionChain with(Member member) {
        TreeMap<String, Member> next = new TreeMap<>(members);
        next.put(member.place(), member);
        return new SessionChain(next);
    }

    /**
     * This chain without the members that started before {@code cutoff}, save the newest of them, which the next member
     * links to. Pass a cutoff before which no interception can change any more (the late-event window), and the links
     * written from the smaller chain are the same.
     */
    public SessionChain withoutSettled(Instant cutoff) {
        SortedMap<String, Member> settled = members.headMap(StartOrder.before(cutoff));
        if (settled.size() <= 1) {
            return this;
        }
        TreeMap<String, Member> kept = new TreeMap<>(members.tailMap(StartOrder.before(cutoff)));
        kept.put(settled.lastKey(), settled.get(settled.lastKey()));
        return new SessionChain(kept);
    }

    /** Whether every member started before {@code cutoff}, so its rows, and the chain's, have expired. */
    public boolean endsBefore(Instant cutoff) {
        return members.isEmpty() || members.get(members.lastKey()).startedAt().isBefore(cutoff);
    }

    /** The members whose link changes when {@code member} is put: itself and its successor, if any. */
    public List<Member> affectedBy(Member member) {
        SortedMap<String, Member> after = members.tailMap(member.place() + "\0");
        return after.isEmpty() ? List.of(member) : List.of(member, after.get(after.firstKey()));
    }

    /** The link row of {@code member}, signed with {@code key}. */
    public AuditRow.ChainLink link(Member member, String sessionId, String initiatorId, SigningKey key, Instant expiresAt) {
        SortedMap<String, Member> before = members.headMap(member.place());
        Member previous = before.isEmpty() ? null : before.get(before.lastKey());
        byte[] link = key.link(sessionId, initiatorId, member.startedAt(), member.interceptionId(),
                HEX.parseHex(member.digest()), previous == null ? null : previous.interceptionId(),
                previous == null ? null : previous.startedAt(), previous == null ? null : HEX.parseHex(previous.digest()));
        return new AuditRow.ChainLink(sessionId, initiatorId, member.startedAt(), member.interceptionId(), member.digest(),
                previous == null ? null : previous.interceptionId(), previous == null ? null : previous.startedAt(),
                previous == null ? null : previous.digest(), HEX.formatHex(link), key.id(), expiresAt);
    }
}
