package dev.aigw.control;

import dev.aigw.control.v1.KeyEvent;
import dev.aigw.control.v1.KeyIssued;
import dev.aigw.control.v1.KeyRevoked;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** Checks presented gateway keys against the key view. */
public final class KeyVerifier {
    /** Reason given for malformed, unknown and wrong keys alike, so a caller cannot tell them apart. */
    public static final String INVALID = "invalid gateway key";
    // Compared against when the id is unknown, so that an unknown id costs the same hash and compare as a wrong secret.
    private static final byte[] NO_HASH = new byte[32];

    private KeyVerifier() {
    }

    /** Verifies {@code credential} against the key with its id, as of {@code now}. */
    public static KeyVerdict verify(String credential, Function<String, Optional<KeyEvent>> keys, Instant now) {
        Optional<GatewayKeys.Presented> presented = GatewayKeys.parse(credential);
        if (presented.isEmpty()) {
            return new KeyVerdict.Refused(INVALID);
        }
        Optional<KeyEvent> event = keys.apply(presented.get().id());
        KeyIssued issued = event.map(KeyVerifier::issued).orElse(null);
        boolean matches = GatewayKeys.matches(presented.get().secret(), issued == null ? NO_HASH : bytes(issued));
        if (!matches || issued == null) {
            return new KeyVerdict.Refused(INVALID);
        }
        if (event.get().getPayload() instanceof KeyRevoked revoked) {
            return new KeyVerdict.Refused("gateway key " + presented.get().id() + " was revoked at " + revoked.getRevokedAt());
        }
        if (issued.getExpiresAt() != null && !now.isBefore(issued.getExpiresAt())) {
            return new KeyVerdict.Refused("gateway key " + presented.get().id() + " expired at " + issued.getExpiresAt());
        }
        return new KeyVerdict.Valid(presented.get().id(), issued);
    }

    /** The issued state of a key event, whether or not it was revoked since. */
    public static KeyIssued issued(KeyEvent event) {
        return switch (event.getPayload()) {
            case KeyIssued issued -> issued;
            case KeyRevoked revoked -> revoked.getIssued();
            default -> throw new IllegalStateException("unknown key event payload " + event.getPayload().getClass());
        };
    }

    private static byte[] bytes(KeyIssued issued) {
        return Buffers.copy(issued.getSecretHash());
    }
}
