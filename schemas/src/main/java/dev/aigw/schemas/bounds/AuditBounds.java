package dev.aigw.schemas.bounds;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.Truncation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The size bounds of an interception event, stated once for every hop: the gateway applies them before an event is
 * spooled, the recorder again to whatever it reads from the topic (another producer, an older gateway), so no field
 * can reach a Kafka record, a Streams store, a Cassandra key or cell bigger than the hops downstream accept.
 *
 * <p>Every string and map of the event's schema has a bound, chosen by the kind of field rather than listed one by
 * one, so a field added to the schema later is bounded without anyone remembering to: free text ({@link #TEXT_FIELDS})
 * gets {@link #TEXT_BYTES}, everything else is an identifier of at most {@link #IDENTIFIER_BYTES} (identifiers reach
 * Cassandra keys, whose components must stay under 64 KiB, and filter menus). A field over its bound is cut at a code
 * point boundary and a {@link Truncation} with its original size and hash is added to the event, so the audit still
 * says what was sent and the original can be matched against another copy.
 *
 * <p>What that guarantees, checked by {@code AuditBoundsTest}: the largest event the schema can express within the
 * bounds encodes to under {@link #EVENT_BYTES}, which leaves a margin under Kafka's default record limit of 1 MiB
 * ({@code max.request.size}, {@code message.max.bytes}) for the record's key, headers and batch framing.
 */
public final class AuditBounds {
    /** Bound of an identifier-like text (ids, names, model, client, header values, map keys), in UTF-8 bytes. */
    public static final int IDENTIFIER_BYTES = 1024;
    /** Bound of a free text (prompt, tool arguments, thought, error message), in UTF-8 bytes. */
    public static final int TEXT_BYTES = 128 * 1024;
    /** Bound of a map's entry count; entries past it are dropped, in the map's iteration order. */
    public static final int MAP_ENTRIES = 64;
    /** The largest encoded event the bounds allow, with the schema id header; Kafka's default record limit is 1 MiB. */
    public static final int EVENT_BYTES = 512 * 1024;
    /** Fields holding free text, as {@code Record.field} of the payload records and the envelope. */
    public static final Set<String> TEXT_FIELDS = Set.of(
            "PromptUsage.prompt",
            "ToolUsage.input",
            "ToolUsage.invocation_error",
            "ModelThought.content",
            "InterceptionEnded.error_message");

    private static final int MAX_BYTES_PER_CHAR = 3;
    private static final String TRUNCATED_FIELD = "truncated";
    /** Marks a cut map key, as in {@code metadata.<cut key>#key}, apart from a cut value ({@code metadata.<key>}). */
    private static final String KEY_SUFFIX = "#key";

    /**
     * The bound of every field of the event's schema, by field, worked out once: a lookup on the hot path instead of
     * building {@code Record.field} for each. Decoded and built events share these {@code Field}s (the generated
     * classes' schemas); a field of another schema falls back to {@link #bytesOf}.
     */
    private static final Map<Schema.Field, Integer> FIELD_BYTES = fieldBytes(InterceptionEvent.getClassSchema());

    private AuditBounds() {
    }

    private static Map<Schema.Field, Integer> fieldBytes(Schema envelope) {
        Map<Schema.Field, Integer> bounds = new IdentityHashMap<>();
        List<Schema> records = new ArrayList<>(List.of(envelope));
        records.addAll(envelope.getField("payload").schema().getTypes());
        for (Schema record : records) {
            for (Schema.Field field : record.getFields()) {
                bounds.put(field, bytesOf(record.getName(), field.name()));
            }
        }
        return Collections.unmodifiableMap(bounds);
    }

    /**
     * Cuts every field of {@code event} that is over its bound, in place, and appends a {@link Truncation} for each to
     * its {@code truncated} list. An event within its bounds is left as it was. Returns the event.
     */
    public static InterceptionEvent apply(InterceptionEvent event) {
        boundRecord(event, event);
        return event;
    }

    /** The bound of {@code field} of the record named {@code record}, in UTF-8 bytes. */
    public static int bytesOf(String record, String field) {
        return TEXT_FIELDS.contains(record + "." + field) ? TEXT_BYTES : IDENTIFIER_BYTES;
    }

    /** {@code text} cut to at most {@code maxBytes} UTF-8 bytes at a code point boundary; itself when it fits. */
    public static String cut(String text, int maxBytes) {
        if (text.length() * MAX_BYTES_PER_CHAR <= maxBytes) {
            return text;
        }
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int size = utf8Size(codePoint);
            if (bytes + size > maxBytes) {
                return text.substring(0, i);
            }
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return text;
    }

    /** The UTF-8 size of {@code text}, counting an unpaired surrogate as the three bytes it would take at most. */
    public static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            bytes += utf8Size(codePoint);
            i += Character.charCount(codePoint);
        }
        return bytes;
    }

    /** Hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void boundRecord(SpecificRecordBase record, InterceptionEvent event) {
        Schema schema = record.getSchema();
        for (Schema.Field field : schema.getFields()) {
            if (field.name().equals(TRUNCATED_FIELD)) {
                continue;
            }
            Object value = record.get(field.pos());
            String name = field.name();
            Integer known = FIELD_BYTES.get(field);
            int maxBytes = known != null ? known : bytesOf(schema.getName(), name);
            switch (value) {
                case String text -> {
                    String kept = cut(text, maxBytes);
                    if (kept != text) {
                        cut(event, new Truncation(name, utf8Length(text), sha256(text)));
                        record.put(field.pos(), kept);
                    }
                }
                case Map<?, ?> map -> {
                    Map<?, ?> kept = boundMap(map, name, event);
                    if (kept != map) {
                        record.put(field.pos(), kept);
                    }
                }
                // The payload is the only nested record; its fields are named without the envelope's prefix.
                case SpecificRecordBase nested -> boundRecord(nested, event);
                case null, default -> {
                }
            }
        }
    }

    private static Map<?, ?> boundMap(Map<?, ?> map, String name, InterceptionEvent event) {
        boolean fits = map.size() <= MAP_ENTRIES;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            fits &= fitsIdentifier(entry.getKey()) && fitsIdentifier(entry.getValue());
        }
        if (fits) {
            return map;
        }
        if (map.size() > MAP_ENTRIES) {
            cut(event, new Truncation(name, (long) map.size(), ""));
        }
        Map<Object, Object> kept = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (kept.size() == MAP_ENTRIES) {
                break;
            }
            String wholeKey = entry.getKey().toString();
            String key = cut(wholeKey, IDENTIFIER_BYTES);
            if (!key.equals(wholeKey)) {
                cut(event, new Truncation(name + "." + key + KEY_SUFFIX, utf8Length(wholeKey), sha256(wholeKey)));
            }
            Object value = entry.getValue();
            if (value instanceof CharSequence text) {
                String whole = text.toString();
                String cutValue = cut(whole, IDENTIFIER_BYTES);
                if (!cutValue.equals(whole)) {
                    cut(event, new Truncation(name + "." + key, utf8Length(whole), sha256(whole)));
                }
                value = cutValue;
            }
            kept.putIfAbsent(key, value);
        }
        return kept;
    }

    // The list is copied only when a field is cut, so an event within its bounds costs no allocation.
    private static void cut(InterceptionEvent event, Truncation truncation) {
        List<Truncation> all = new ArrayList<>(event.getTruncated());
        all.add(truncation);
        event.setTruncated(all);
    }

    private static boolean fitsIdentifier(Object value) {
        return !(value instanceof CharSequence text) || cut(text.toString(), IDENTIFIER_BYTES).length() == text.length();
    }

    private static int utf8Size(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
