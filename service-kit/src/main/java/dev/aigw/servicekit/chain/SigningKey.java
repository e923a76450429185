package dev.aigw.servicekit.chain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The operator's audit signing key ({@code CODER_AI_GATEWAY_AUDIT_SIGNING_KEY}, base64, at least 32 bytes). It signs
 * the links of the audit chain with HMAC-SHA256; the recorder signs and the query API verifies with the same key. Its
 * own setting rather than one derived from the master key, so the recorder never holds the key that opens provider
 * secrets and the signing key can be rotated on its own. {@link #toString()} never shows it.
 */
public final class SigningKey {
    /** The setting's name after the {@code CODER_AI_GATEWAY_} prefix. */
    public static final String SETTING = "AUDIT_SIGNING_KEY";
    private static final int MIN_BYTES = 32;

    private final byte[] key;
    private final String id;

    private SigningKey(byte[] key) {
        this.key = key.clone();
        this.id = HexFormat.of().formatHex(hmac("aigw-audit-key-id".getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    /** The key in {@code base64}, or empty with a line in {@code problems} when it is not a base64 key of 32+ bytes. */
    public static Optional<SigningKey> parse(String base64, List<String> problems) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            problems.add("CODER_AI_GATEWAY_" + SETTING + " must be base64");
            return Optional.empty();
        }
        if (bytes.length < MIN_BYTES) {
            problems.add("CODER_AI_GATEWAY_" + SETTING + " must hold at least " + MIN_BYTES + " bytes, got " + bytes.length);
            return Optional.empty();
        }
        return Optional.of(new SigningKey(bytes));
    }

    /** A public fingerprint, stored with each link to tell which key signed it. */
    public String id() {
        return id;
    }

    /**
     * The link of an interception in its session's chain: HMAC over the session, the interception's place and digest,
     * and its predecessor's id, start and digest (all null for the first), so a removed, inserted or changed neighbour
     * breaks it. Timestamps count in milliseconds, as Cassandra keeps them.
     */
    public byte[] link(String sessionId, String initiatorId, Instant startedAt, String interceptionId, byte[] digest,
                       String previousId, Instant previousStartedAt, byte[] previousDigest) {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        for (String text : new String[] {sessionId, initiatorId, interceptionId, previousId == null ? "" : previousId}) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            in.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            in.writeBytes(bytes);
        }
        in.writeBytes(ByteBuffer.allocate(16).putLong(startedAt.toEpochMilli())
                .putLong(previousStartedAt == null ? Long.MIN_VALUE : previousStartedAt.toEpochMilli()).array());
        in.writeBytes(digest);
        in.writeBytes(previousDigest == null ? new byte[32] : previousDigest);
        return hmac(in.toByteArray());
    }

    private byte[] hmac(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + id + "]";
    }
}
