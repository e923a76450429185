package dev.aigw.query.paging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.control.MasterKey;
import dev.aigw.servicekit.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-evident page cursors: a position (the values a listing resumes after) signed with HMAC-SHA256
 * under a key derived from the master key, over the position and its {@link CursorScope}. Every query API node with
 * the same master key reads the cursors of the others.
 */
public final class Cursors {
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    Cursors(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** Cursors signed with the master key's cursor key. */
    public static Cursors from(MasterKey masterKey) {
        return new Cursors(masterKey.derive("aigw-query-cursor-v1"));
    }

    /** The cursor that resumes after {@code position} in {@code scope}. */
    public String encode(CursorScope scope, List<String> position) {
        try {
            byte[] payload = JSON.writeValueAsBytes(position);
            return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(mac(scope, payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always encodes", e);
        }
    }

    /** The position of a cursor issued for {@code scope}; anything else is a {@link PagingException}. */
    public List<String> decode(String cursor, CursorScope scope) {
        int dot = cursor.indexOf('.');
        try {
            byte[] payload = DECODE.decode(cursor.substring(0, Math.max(dot, 0)));
            byte[] signature = DECODE.decode(cursor.substring(dot + 1));
            // Base64 leaves spare bits in a last character; only the canonical spelling of a cursor is the cursor.
            boolean canonical = cursor.equals(ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(signature));
            if (dot <= 0 || !canonical || !MessageDigest.isEqual(signature, mac(scope, payload))) {
                throw invalid();
            }
            return JSON.readValue(payload, new TypeReference<List<String>>() { });
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid();
        }
    }

    private byte[] mac(CursorScope scope, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (String part : List.of(scope.view(), scope.caller(), scope.search())) {
                mac.update(part.getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0);
            }
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    private static PagingException invalid() {
        return new PagingException("after cursor is not valid for this search and caller");
    }
}
