package dev.aigw.query.search;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses the reference's {@code q} language: space-separated {@code key:value} terms, values quoted with {@code "}
 * when they hold spaces, and bare words meaning {@code initiator:<word>}. Each key at most once.
 */
public final class SearchQuery {
    private static final Pattern FOUR_DIGIT_YEAR = Pattern.compile("\\d{4}-");
    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private enum Key { INITIATOR, PROVIDER, PROVIDER_NAME, MODEL, CLIENT, SESSION_ID, STARTED_AFTER, STARTED_BEFORE }

    private SearchQuery() {
    }

    /** The filter {@code q} describes; a blank {@code q} is {@link SearchFilter#ALL}. */
    public static SearchFilter parse(String q) {
        return parse(q, Map.of());
    }

    /**
     * The filter of {@code q} and of terms given apart from it, such as query parameters named like terms: each such
     * value is taken whole, never split into further terms, and counts as that term given once more.
     */
    public static SearchFilter parse(String q, Map<String, String> more) {
        Map<Key, String> terms = new EnumMap<>(Key.class);
        for (String word : words(q == null ? "" : q)) {
            int colon = word.indexOf(':');
            Key key = colon < 0 ? Key.INITIATOR : key(word.substring(0, colon));
            put(terms, key, unquote(colon < 0 ? word : word.substring(colon + 1)), word);
        }
        more.forEach((name, value) -> put(terms, key(name), value, name + ":" + value));
        Optional<Instant> after = time(terms, Key.STARTED_AFTER);
        Optional<Instant> before = time(terms, Key.STARTED_BEFORE);
        if (after.isPresent() && before.isPresent() && !after.get().isBefore(before.get())) {
            throw new SearchException("search term started_after must be earlier than started_before");
        }
        return new SearchFilter(text(terms, Key.INITIATOR), text(terms, Key.PROVIDER), text(terms, Key.PROVIDER_NAME),
                text(terms, Key.MODEL), text(terms, Key.CLIENT), text(terms, Key.SESSION_ID), after, before);
    }

    private static void put(Map<Key, String> terms, Key key, String value, String word) {
        if (value.isEmpty()) {
            throw new SearchException("search term \"" + shortened(word) + "\" has no value");
        }
        if (terms.put(key, value) != null) {
            throw new SearchException("search term " + name(key) + " is given more than once");
        }
    }

    private static List<String> words(String q) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : q.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (Character.isWhitespace(c) && !quoted) {
                addIfAny(words, word);
            } else {
                word.append(c);
            }
        }
        if (quoted) {
            throw new SearchException("search has an unclosed quote");
        }
        addIfAny(words, word);
        return words;
    }

    private static void addIfAny(List<String> words, StringBuilder word) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static Key key(String name) {
        try {
            return Key.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SearchException("unknown search term \"" + shortened(name) + "\"; known: initiator, provider, "
                    + "provider_name, model, client, session_id, started_after, started_before");
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static Optional<String> text(Map<Key, String> terms, Key key) {
        return Optional.ofNullable(terms.get(key));
    }

    private static Optional<Instant> time(Map<Key, String> terms, Key key) {
        return text(terms, key).map(value -> {
            Instant at = null;
            // RFC 3339 years have four digits; java.time alone would also take "+99999-…", whose instant no store or
            // driver can hold.
            if (FOUR_DIGIT_YEAR.matcher(value).lookingAt()) {
                try {
                    at = OffsetDateTime.parse(value).toInstant();
                } catch (DateTimeParseException e) {
                    // Answered below, like a time out of range.
                }
            }
            if (at == null || at.isBefore(FIRST) || at.isAfter(LAST)) {
                throw new SearchException("search term " + name(key) + " must be an RFC 3339 time from "
                        + "0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z, such as 2026-11-23T10:00:00Z, got \""
                        + shortened(value) + "\"");
            }
            return at;
        });
    }

    // A value is echoed in the answer, but never a long one.
    private static String shortened(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }

    private static String name(Key key) {
        return key.name().toLowerCase(Locale.ROOT);
    }
}
