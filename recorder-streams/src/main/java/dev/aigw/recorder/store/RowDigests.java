package dev.aigw.recorder.store;

import dev.aigw.recorder.audit.AuditRow;
import dev.aigw.servicekit.chain.RowDigest;
import java.util.Optional;

/**
 * Digests of the rows an interception writes, over the very column values this writer binds, so the verifier that
 * reads them back from Cassandra computes the same digests.
 */
public final class RowDigests {
    private RowDigests() {
    }

    /** The digest of the by-id summary row of an interception. */
    public static byte[] summary(AuditRow.Interception row) {
        return RowDigest.of("interceptions", CassandraAuditWriter.byId(row).values());
    }

    /** The digest of a detail row (prompt, token usage, tool call, thought); empty for any other row. */
    public static Optional<byte[]> detail(AuditRow row) {
        return Optional.ofNullable(switch (row) {
            case AuditRow.Prompt r -> RowDigest.of("prompts", CassandraAuditWriter.prompt(r).values());
            case AuditRow.TokenCount r -> RowDigest.of("token_usages", CassandraAuditWriter.tokenUsage(r).values());
            case AuditRow.ToolCall r -> RowDigest.of("tool_usages", CassandraAuditWriter.toolUsage(r).values());
            case AuditRow.Thought r -> RowDigest.of("model_thoughts", CassandraAuditWriter.thought(r).values());
            case AuditRow.Interception _, AuditRow.Session _, AuditRow.Usage _, AuditRow.FilterValue _,
                 AuditRow.ChainLink _ -> null;
        });
    }
}
