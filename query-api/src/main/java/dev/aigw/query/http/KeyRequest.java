package dev.aigw.query.http;

import dev.aigw.control.v1.KeyRole;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code POST /keys} body, read and bounded: only known fields, each of its type; {@code user_id}, {@code username}
 * and {@code name} are labels of at most {@value #MAX_LABEL} printable characters; an expiry lies in the future and
 * at most the configured lifetime away. Who the key may be for is {@link KeysService}'s to decide.
 *
 * @param userId    the owner asked for, if any
 * @param username  the owner's username asked for, if any
 * @param role      the role asked for, member by default
 * @param name      the key's label, {@code default} by default
 * @param expiresAt when the key expires, or empty for never
 */
record KeyRequest(Optional<String> userId, Optional<String> username, KeyRole role, String name,
                  Optional<Instant> expiresAt) {
    /** Longest label, in characters. */
    static final int MAX_LABEL = 128;
    private static final Set<String> FIELDS = Set.of("user_id", "username", "role", "name", "expires_at");

    /** Reads a body as of {@code now}; a key may expire at most {@code maxLifetime} after it. */
    static KeyRequest parse(JsonBody body, Instant now, Duration maxLifetime) {
        body.only(FIELDS);
        return new KeyRequest(body.text("user_id").map(v -> label("user_id", v)),
                body.text("username").map(v -> label("username", v)),
                role(body.text("role").orElse("member")),
                label("name", body.text("name").orElse("default")),
                body.text("expires_at").map(v -> expiry(v, now, maxLifetime)));
    }

    /**
     * A label as given, or 400: non-empty, at most {@value #MAX_LABEL} characters, no surrounding spaces, and nothing
     * that does not print (control, format such as a right-to-left override, unassigned, private-use or half a
     * surrogate pair), so what a listing or an audit row shows is what was stored.
     */
    static String label(String field, String value) {
        if (value.isBlank()) {
            throw JsonBody.invalid(field, "must not be empty");
        }
        if (value.codePointCount(0, value.length()) > MAX_LABEL) {
            throw JsonBody.invalid(field, "must be at most " + MAX_LABEL + " characters, got "
                    + value.codePointCount(0, value.length()));
        }
        if (!value.equals(value.strip())) {
            throw JsonBody.invalid(field, "must not begin or end with spaces");
        }
        if (value.codePoints().anyMatch(c -> !printable(c))) {
            throw JsonBody.invalid(field, "must hold printable characters only");
        }
        return value;
    }

    private static boolean printable(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    private static KeyRole role(String value) {
        try {
            return KeyRole.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw JsonBody.invalid("role", "must be member, auditor or admin, got \"" + value + "\"");
        }
    }

    private static Instant expiry(String value, Instant now, Duration maxLifetime) {
        Instant at;
        try {
            at = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw JsonBody.invalid("expires_at", "must be an RFC 3339 time such as 2027-01-01T00:00:00Z");
        }
        if (!at.isAfter(now)) {
            throw JsonBody.invalid("expires_at", "must be in the future");
        }
        // Compared as a duration, so an expiry near the end of Instant's range cannot overflow an addition.
        if (Duration.between(now, at).compareTo(maxLifetime) > 0) {
            throw JsonBody.invalid("expires_at", "must be at most " + maxLifetime.toDays() + " days away, by "
                    + now.plus(maxLifetime));
        }
        return at;
    }
}
