package dev.aigw.control;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.aigw.control.v1.SealedSecret;
import dev.aigw.servicekit.config.Settings;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The operator's master key ({@code CODER_AI_GATEWAY_MASTER_KEY}, 32 bytes in base64): seals provider secrets with
 * AES-256-GCM. The associated data names the provider and field, so a sealed value copied elsewhere does not open.
 *
 * <p>During a rotation the previous key ({@code CODER_AI_GATEWAY_MASTER_KEY_PREVIOUS}) still opens what it sealed;
 * everything new is sealed with the current key.
 */
public final class MasterKey {
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String id;
    private final Optional<MasterKey> previous;

    private MasterKey(byte[] raw, Optional<MasterKey> previous) {
        this.key = new SecretKeySpec(raw, "AES");
        this.id = fingerprint(raw);
        this.previous = previous;
    }

    /** Parses the base64 form; the message of the exception says what is wrong without echoing the value. */
    public static MasterKey parse(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new SealingException("master key is missing: set CODER_AI_GATEWAY_MASTER_KEY to 32 random bytes in base64"
                    + " (for example: openssl rand -base64 32)");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new SealingException("master key is not valid base64: " + e.getMessage());
        }
        if (raw.length != KEY_BYTES) {
            throw new SealingException("master key must decode to " + KEY_BYTES + " bytes, got " + raw.length);
        }
        return new MasterKey(raw, Optional.empty());
    }

    /** This key, also opening what {@code older} sealed. */
    public MasterKey withPrevious(MasterKey older) {
        return new MasterKey(key.getEncoded(), Optional.of(older));
    }

    /** The key in {@code CODER_AI_GATEWAY_MASTER_KEY}; when missing or malformed, null and the reason in {@code problems}. */
    public static MasterKey fromSettings(Settings settings, List<String> problems) {
        Optional<String> current = settings.get("MASTER_KEY");
        Optional<Settings.Setting> previous = settings.setting("MASTER_KEY_PREVIOUS");
        try {
            MasterKey key = parse(current.orElse(null));
            return previous.map(old -> key.withPrevious(previous(old))).orElse(key);
        } catch (SealingException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static MasterKey previous(Settings.Setting old) {
        try {
            return parse(old.value());
        } catch (SealingException e) {
            throw new SealingException(old.source() + ": " + e.getMessage(), e);
        }
    }

    /** A fresh random master key in base64, for tests and for {@code aigw up}. */
    public static String generate() {
        byte[] raw = new byte[KEY_BYTES];
        RANDOM.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    /**
     * A 32-byte key for one {@code purpose} (e.g. signing cursors), derived with HMAC-SHA256 so that what it protects
     * never shares a key with the sealed secrets, and every node with this master key derives the same bytes.
     */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(UTF_8));
        } catch (GeneralSecurityException e) {
            throw new SealingException("cannot derive a key for " + purpose + ": " + e.getMessage(), e);
        }
    }

    /** A public fingerprint of the key, stored next to each sealed secret to tell which key sealed it. */
    public String id() {
        return id;
    }

    /** Encrypts {@code plaintext}, bound to {@code context} (e.g. {@code provider/anthropic/keys/0}). */
    public SealedSecret seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(UTF_8));
            return new SealedSecret(id, ByteBuffer.wrap(nonce), ByteBuffer.wrap(sealed), Hints.mask(plaintext));
        } catch (GeneralSecurityException e) {
            throw new SealingException("cannot seal " + context + ": " + e.getMessage(), e);
        }
    }

    /** Decrypts a sealed secret bound to {@code context}; fails clearly when another master key sealed it. */
    public String open(SealedSecret sealed, String context) {
        if (previous.isPresent() && sealed.getMasterKeyId().equals(previous.get().id)) {
            return previous.get().open(sealed, context);
        }
        if (!sealed.getMasterKeyId().equals(id)) {
            throw new SealingException(context + " was sealed under master key " + sealed.getMasterKeyId()
                    + " but this node's CODER_AI_GATEWAY_MASTER_KEY is " + id
                    + "; start it with the master key the control plane was written with");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Buffers.copy(sealed.getNonce()), context);
            return new String(cipher.doFinal(Buffers.copy(sealed.getCiphertext())), UTF_8);
        } catch (AEADBadTagException e) {
            throw new SealingException(context + " does not open under master key " + id + ": tampered or moved ciphertext", e);
        } catch (GeneralSecurityException e) {
            throw new SealingException("cannot open " + context + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + previous.map(p -> ", previous " + p.id).orElse("") + "]";
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(UTF_8));
        return cipher;
    }

    private static String fingerprint(byte[] raw) {
        // A hash of 256 random bits reveals nothing usable about them; 8 bytes are enough to tell keys apart.
        return "mk-" + HexFormat.of().formatHex(GatewayKeys.hash(Base64.getEncoder().encodeToString(raw)), 0, 8);
    }
}
