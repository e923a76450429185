package dev.aigw.servicekit.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Percent-encoded parts of a request target (RFC 3986 §2.1), decoded strictly. */
public final class PercentEncoding {
    private PercentEncoding() {
    }

    /**
     * The text {@code raw} spells once its escapes are decoded, or empty when an escape is malformed (a lone {@code %},
     * {@code %zz}) or the bytes they spell are not UTF-8 (overlong forms, lone surrogates, {@code %ff}). A lenient
     * decoder would turn those into replacement characters, so that the server reads another text than was sent.
     * A {@code +} stays itself: only escapes are judged here.
     */
    public static Optional<String> decodeUtf8(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                // A raw character outside ASCII has no business in a target; it stands for itself only if it is text.
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (low < 0) {
                return Optional.empty();
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
