package dev.aigw.query.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.aigw.query.verify.ChainVerifier;
import dev.aigw.servicekit.chain.RowDigest;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.UUID;

/**
 * What the chain check reads: a session's links ({@code audit_chain}) and listing ({@code session_interceptions}),
 * the rows each digest covers, read back column by column, and which sessions a time range touches.
 */
public final class ChainReads {
    /** A session of one person: the partition key of its chain and listing. */
    public record SessionKey(String sessionId, String initiatorId) {
    }

    private final CqlSession session;
    private final PreparedStatement links;
    private final PreparedStatement members;
    private final PreparedStatement initiators;
    private final PreparedStatement byDay;
    private final PreparedStatement summary;
    private final Map<String, PreparedStatement> details = new HashMap<>();

    /** Prepares every statement once against the keyspace. */
    public ChainReads(CqlSession session, String keyspace) {
        this.session = session;
        links = session.prepare("SELECT started_at, interception_id, digest, previous_id, previous_started_at,"
                + " previous_digest, link, TTL(link) AS link_ttl FROM " + keyspace + ".audit_chain"
                + " WHERE session_id = ? AND initiator_id = ?");
        members = session.prepare("SELECT started_at, interception_id, status FROM " + keyspace
                + ".session_interceptions WHERE session_id = ? AND initiator_id = ?");
        initiators = session.prepare("SELECT initiator_id FROM " + keyspace + ".sessions WHERE session_id = ?");
        byDay = session.prepare("SELECT session_id, initiator_id FROM " + keyspace + ".interceptions_by_day"
                + " WHERE day = ? AND started_at >= ? AND started_at < ?");
        summary = select(keyspace, "interceptions");
        RowDigest.DETAIL_TABLES.forEach(table -> details.put(table, select(keyspace, table)));
    }

    /** The chain of a session, in chain order, read at {@code now}. */
    public List<ChainVerifier.Link> links(SessionKey key, Instant now) {
        return session.execute(links.bind(key.sessionId(), key.initiatorId())).all().stream()
                .map(r -> new ChainVerifier.Link(r.getInstant("started_at"), r.getUuid("interception_id"),
                        bytes(r.getByteBuffer("digest")), r.getUuid("previous_id"), r.getInstant("previous_started_at"),
                        bytes(r.getByteBuffer("previous_digest")), bytes(r.getByteBuffer("link")),
                        r.isNull("link_ttl") ? null : now.plusSeconds(r.getInt("link_ttl"))))
                .toList();
    }

    /** The listing of a session, in the same order. */
    public List<ChainVerifier.Member> members(SessionKey key) {
        return session.execute(members.bind(key.sessionId(), key.initiatorId())).all().stream()
                .map(r -> new ChainVerifier.Member(r.getInstant("started_at"), r.getUuid("interception_id"),
                        r.getString("status")))
                .toList();
    }

    /** The people who have a session of this id (normally one). */
    public List<SessionKey> sessions(String sessionId) {
        return session.execute(initiators.bind(sessionId)).all().stream()
                .map(r -> new SessionKey(sessionId, r.getString("initiator_id"))).toList();
    }

    /** The sessions with an interception that started in [from, to), by the daily listing. */
    public SequencedSet<SessionKey> sessionsBetween(Instant from, Instant to) {
        SequencedSet<SessionKey> found = new LinkedHashSet<>();
        for (LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC); !day.atStartOfDay(ZoneOffset.UTC).toInstant()
                .isAfter(to); day = day.plusDays(1)) {
            for (Row r : session.execute(byDay.bind(day, from, to))) {
                found.add(new SessionKey(r.getString("session_id"), r.getString("initiator_id")));
            }
        }
        return found;
    }

    /** The digest of an interception's rows as they are now, or empty when its summary row is gone. */
    public Optional<byte[]> digest(UUID interceptionId) {
        Row row = session.execute(summary.bind(interceptionId)).one();
        if (row == null) {
            return Optional.empty();
        }
        byte[] sum = null;
        for (String table : RowDigest.DETAIL_TABLES) {
            for (Row detail : session.execute(details.get(table).bind(interceptionId))) {
                sum = RowDigest.add(sum, RowDigest.of(table, values(table, detail)));
            }
        }
        return Optional.of(RowDigest.interception(RowDigest.of("interceptions", values("interceptions", row)), sum));
    }

    private PreparedStatement select(String keyspace, String table) {
        return session.prepare("SELECT " + String.join(", ", RowDigest.SIGNED.get(table)) + " FROM " + keyspace + "."
                + table + " WHERE interception_id = ?");
    }

    private static Map<String, Object> values(String table, Row row) {
        Map<String, Object> values = new HashMap<>();
        RowDigest.SIGNED.get(table).forEach(column -> values.put(column, row.getObject(column)));
        return values;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
