package dev.aigw.query.verify;

import dev.aigw.servicekit.chain.SigningKey;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Walks one session's chain against the rows read back and says what does not hold. Pure: the reads come in as
 * values and a digest function, so every tampering case is unit-tested without a database.
 */
public final class ChainVerifier {
    private final SigningKey key;

    /** A verifier of links signed with {@code key}. */
    public ChainVerifier(SigningKey key) {
        this.key = key;
    }

    /**
     * A link as read from {@code audit_chain}.
     *
     * @param previousId null for the first of a chain
     * @param expiresAt  when the row expires, from its TTL, or null for never: it tells the retention its rows were
     *                   written with, so whether its predecessor's rows expired
     */
    public record Link(Instant startedAt, UUID interceptionId, byte[] digest, UUID previousId, Instant previousStartedAt,
                       byte[] previousDigest, byte[] link, Instant expiresAt) {
    }

    /**
     * An interception as the session's listing ({@code session_interceptions}) shows it.
     *
     * @param status {@code in_progress} while open
     */
    public record Member(Instant startedAt, UUID interceptionId, String status) {
    }

    /**
     * What one session's check found.
     *
     * @param links    links checked
     * @param open     interceptions still in progress, not chained yet
     * @param unsigned closed interceptions older than the chain's first link (written before signing was on)
     * @param findings every change, removal and insertion found
     */
    public record Result(int links, int open, int unsigned, List<Finding> findings) {
    }

    /**
     * Checks the session {@code sessionId} of {@code initiatorId} at {@code now}.
     *
     * @param links   its chain, in chain order (started_at, interception_id)
     * @param members its listing, in the same order
     * @param digest  the digest of an interception's rows as read back, or empty when its summary row is gone
     */
    public Result verify(String sessionId, String initiatorId, List<Link> links, List<Member> members,
                         Function<UUID, Optional<byte[]>> digest, Instant now) {
        List<Finding> findings = new ArrayList<>();
        Set<UUID> linked = new HashSet<>();
        Set<UUID> forged = new HashSet<>();
        Link previous = null;
        for (Link link : links) {
            if (!signed(sessionId, initiatorId, link)) {
                findings.add(new Finding(Finding.Kind.INSERTED, sessionId, initiatorId, link.interceptionId(),
                        "its chain link is not signed by the signing key"));
                forged.add(link.interceptionId());
                continue;
            }
            linked.add(link.interceptionId());
            predecessor(sessionId, initiatorId, previous, link, now).ifPresent(findings::add);
            Optional<byte[]> actual = digest.apply(link.interceptionId());
            if (actual.isEmpty()) {
                findings.add(new Finding(Finding.Kind.REMOVED, sessionId, initiatorId, link.interceptionId(),
                        "its chain link remains but its interception row is gone"));
            } else if (!Arrays.equals(actual.get(), link.digest())) {
                findings.add(new Finding(Finding.Kind.CHANGED, sessionId, initiatorId, link.interceptionId(),
                        "its rows no longer match the digest that was signed"));
            }
            previous = link;
        }
        Instant chainStart = links.stream().filter(l -> linked.contains(l.interceptionId())).map(Link::startedAt)
                .findFirst().orElse(Instant.MAX);
        int open = 0;
        int unsigned = 0;
        Set<UUID> listed = new HashSet<>();
        for (Member member : members) {
            listed.add(member.interceptionId());
            if (linked.contains(member.interceptionId()) || forged.contains(member.interceptionId())) {
                continue;
            }
            // The recorder writes a status with every row, so a row without one is not open: it is judged as closed.
            if ("in_progress".equals(member.status())) {
                open++;
            } else if (member.startedAt().isBefore(chainStart)) {
                unsigned++;
            } else {
                findings.add(new Finding(Finding.Kind.INSERTED, sessionId, initiatorId, member.interceptionId(),
                        "a closed interception inside the chain that no link covers"));
            }
        }
        for (UUID id : linked) {
            if (!listed.contains(id)) {
                findings.add(new Finding(Finding.Kind.REMOVED, sessionId, initiatorId, id,
                        "its chain link remains but the session's listing lost it"));
            }
        }
        return new Result(linked.size(), open, unsigned, List.copyOf(findings));
    }

    private boolean signed(String sessionId, String initiatorId, Link link) {
        byte[] expected = key.link(sessionId, initiatorId, link.startedAt(), link.interceptionId().toString(),
                link.digest(), link.previousId() == null ? null : link.previousId().toString(), link.previousStartedAt(),
                link.previousDigest());
        return MessageDigest.isEqual(expected, link.link());
    }

    // A signed link names its predecessor as it was signed; the chain as read must still hold that very one.
    private Optional<Finding> predecessor(String sessionId, String initiatorId, Link previous, Link link, Instant now) {
        if (link.previousId() == null) {
            return previous == null ? Optional.empty() : Optional.of(new Finding(Finding.Kind.INSERTED, sessionId,
                    initiatorId, previous.interceptionId(), "it precedes the chain's first link"));
        }
        if (previous != null && previous.interceptionId().equals(link.previousId())) {
            return Arrays.equals(previous.digest(), link.previousDigest()) ? Optional.empty()
                    : Optional.of(new Finding(Finding.Kind.CHANGED, sessionId, initiatorId, previous.interceptionId(),
                            "its link's digest differs from the one its successor signed"));
        }
        if (previous == null && predecessorExpired(link, now)) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Finding.Kind.REMOVED, sessionId, initiatorId, link.previousId(),
                "the next link names it as predecessor, but its link is gone"));
    }

    // The predecessor was written with the same retention as this link: its rows expire as long after their start.
    private static boolean predecessorExpired(Link link, Instant now) {
        return link.expiresAt() != null
                && !link.previousStartedAt().plus(Duration.between(link.startedAt(), link.expiresAt())).isAfter(now);
    }
}
