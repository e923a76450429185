package dev.aigw.servicekit.chain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The tamper-evidence digests of audit rows, computed the same way by the recorder from the values it writes and by the
 * verifier from the values it reads back. A digest covers a fixed set of columns per table ({@link #SIGNED}), so a
 * column added later neither breaks old digests nor is covered by them until a new version of this list says so.
 *
 * <p>Encoding: the table name, then each signed column that has a value, in name order, as length-prefixed name and
 * typed value; an empty collection counts as unset. Timestamps count in milliseconds because Cassandra keeps no more;
 * a UUID and its text are the same value because the recorder binds ids as text in some rows and as uuid in others.
 */
public final class RowDigest {
    /** The columns each digest covers, per table. */
    public static final Map<String, List<String>> SIGNED = Map.of(
            "interceptions", List.of("interception_id", "initiator_id", "session_id", "started_at", "initiator_username",
                    "api_key_id", "provider", "provider_name", "model", "route", "streaming", "client", "user_agent",
                    "client_session_id", "correlating_tool_call_id", "credential_kind", "credential_hint",
                    "gateway_node", "ended_at", "status", "upstream_status", "error_type", "error_message",
                    "input_tokens", "output_tokens", "cache_read_input_tokens", "cache_write_input_tokens",
                    "reasoning_tokens", "tool_calls", "prompt", "metadata", "truncated"),
            "prompts", List.of("interception_id", "seq", "event_id", "provider_response_id", "prompt", "created_at",
                    "truncated"),
            "token_usages", List.of("interception_id", "seq", "event_id", "provider_response_id", "provider_model",
                    "input_tokens", "output_tokens", "cache_read_input_tokens", "cache_write_input_tokens",
                    "reasoning_tokens", "extra", "created_at"),
            "tool_usages", List.of("interception_id", "seq", "event_id", "provider_response_id", "tool_call_id",
                    "item_id", "tool", "input", "server_url", "injected", "invocation_error", "created_at", "truncated"),
            "model_thoughts", List.of("interception_id", "seq", "event_id", "provider_response_id", "content", "source",
                    "created_at", "truncated"));
    /** The detail tables, whose rows an interception's digest sums. */
    public static final List<String> DETAIL_TABLES = List.of("prompts", "token_usages", "tool_usages", "model_thoughts");

    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

    private RowDigest() {
    }

    /** SHA-256 of the signed columns of one row of {@code table}; {@code values} maps column to value, null = unset. */
    public static byte[] of(String table, Map<String, ?> values) {
        List<String> signed = SIGNED.get(table);
        if (signed == null) {
            throw new IllegalArgumentException("no signed columns for table " + table);
        }
        StringBuilder out = new StringBuilder();
        field(out, table);
        new TreeMap<>(values).forEach((column, value) -> {
            if (present(value) && signed.contains(column)) {
                field(out, column);
                field(out, encode(value));
            }
        });
        return sha256(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The sum of {@code sum} (null: none yet) and a row digest, modulo 2^256: a multiset hash, so the details of an
     * interception give the same sum in whatever order their events arrive.
     */
    public static byte[] add(byte[] sum, byte[] rowDigest) {
        BigInteger total = sum == null ? BigInteger.ZERO : new BigInteger(1, sum);
        return fixed(total.add(new BigInteger(1, rowDigest)).mod(MODULUS));
    }

    /** An interception's digest: its summary row's digest bound to the sum of its detail rows' digests. */
    public static byte[] interception(byte[] summary, byte[] details) {
        byte[] both = new byte[64];
        System.arraycopy(summary, 0, both, 0, 32);
        System.arraycopy(details == null ? new byte[32] : details, 0, both, 32, 32);
        return sha256(both);
    }

    // Cassandra gives back an empty collection for one never written and stores none for an empty one: both are absent.
    private static boolean present(Object value) {
        return value != null && !(value instanceof Map<?, ?> m && m.isEmpty())
                && !(value instanceof Collection<?> c && c.isEmpty());
    }

    private static String encode(Object value) {
        return switch (value) {
            case CharSequence s -> "s" + s;
            case UUID u -> "s" + u;
            case Instant t -> "t" + t.toEpochMilli();
            case LocalDate d -> "d" + d;
            case Boolean b -> "b" + b;
            case Byte _, Short _, Integer _, Long _ -> "n" + ((Number) value).longValue();
            case Map<?, ?> m -> {
                StringBuilder out = new StringBuilder("m");
                new TreeMap<>(m).forEach((k, v) -> {
                    field(out, encode(k));
                    field(out, encode(v));
                });
                yield out.toString();
            }
            case Collection<?> c -> {
                StringBuilder out = new StringBuilder("c");
                c.stream().map(RowDigest::encode).sorted().forEach(e -> field(out, e));
                yield out.toString();
            }
            default -> throw new IllegalArgumentException("no canonical encoding for " + value.getClass().getName());
        };
    }

    // Length-prefixed, so no two different rows encode to the same text.
    private static void field(StringBuilder out, String text) {
        out.append(text.length()).append(':').append(text);
    }

    private static byte[] fixed(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Objects.requireNonNull(bytes, "bytes"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
