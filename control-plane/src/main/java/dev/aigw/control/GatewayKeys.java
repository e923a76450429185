package dev.aigw.control;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gateway keys: {@code aigw_<key id>_<secret>}, a 96-bit hex id and a 256-bit base64url secret.
 *
 * <p>Only {@link #hash} of the secret is ever stored. SHA-256 without salt or stretching is enough here: the secret is
 * 256 random bits, so there is no dictionary to precompute and no brute force within reach; a slow hash would only add
 * latency to every gateway request.
 */
public final class GatewayKeys {
    /** Prefix of every gateway key. */
    public static final String PREFIX = "aigw_";
    private static final Pattern FORMAT = Pattern.compile("aigw_([0-9a-f]{24})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ID_BYTES = 12;
    private static final int SECRET_BYTES = 32;

    private GatewayKeys() {
    }

    /** A freshly generated key; {@code full} is shown once, to its owner, and never stored. */
    public record NewKey(String id, String secret, String full) {
        @Override
        public String toString() {
            return "NewKey[id=" + id + ", hint=" + hint(full) + "]";
        }
    }

    /** The parts of a presented key. */
    public record Presented(String id, String secret) {
        @Override
        public String toString() {
            return "Presented[id=" + id + "]";
        }
    }

    /** Generates a key from the system's secure random source. */
    public static NewKey generate() {
        byte[] id = new byte[ID_BYTES];
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String idText = HexFormat.of().formatHex(id);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new NewKey(idText, secretText, PREFIX + idText + "_" + secretText);
    }

    /** The id and secret of a well-formed key, empty for anything else. */
    public static Optional<Presented> parse(String credential) {
        if (credential == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(credential);
        return m.matches() ? Optional.of(new Presented(m.group(1), m.group(2))) : Optional.empty();
    }

    /** SHA-256 of the secret. */
    public static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a mandatory JDK algorithm", e);
        }
    }

    /** Whether the secret hashes to {@code storedHash}, compared in constant time. */
    public static boolean matches(String secret, byte[] storedHash) {
        return MessageDigest.isEqual(hash(secret), storedHash);
    }

    /** The masked hint of a full key, safe for logs and listings. */
    public static String hint(String fullKey) {
        return Hints.mask(fullKey);
    }
}
