package dev.aigw.recorder.audit;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.Truncation;
import dev.aigw.schemas.bounds.AuditBounds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recorder's size bounds, on top of the event's ({@link AuditBounds}), stated in one place.
 *
 * <p>The recorder applies {@link AuditBounds} to every event it reads, whoever wrote it, so each text of an event is at
 * most {@link AuditBounds#TEXT_BYTES} and each identifier at most {@link AuditBounds#IDENTIFIER_BYTES}. What it derives
 * from events (states, their changelogs, the changes on the repartition topics and the rows) holds several of those, and
 * some of it grows with the number of events: those growths are capped here, so that every derived record, written as
 * Smile (UTF-8 strings with a length, no escaping), stays under {@link #DERIVED_RECORD_BYTES} whatever the events hold.
 * {@code RecordBoundsTest} builds the worst case of each and serializes it.
 */
public final class RecordBounds {
    /** Kafka's default record limit ({@code max.request.size}, {@code message.max.bytes}). */
    public static final int KAFKA_RECORD_BYTES = 1024 * 1024;
    /**
     * The most a derived record's value may take: a quarter under {@link #KAFKA_RECORD_BYTES}, for its key, headers and
     * the batch's framing.
     */
    public static final int DERIVED_RECORD_BYTES = 768 * 1024;
    /** Events one interception may have; later ones are dead letters. The state remembers each to spot duplicates. */
    public static final int EVENTS_PER_INTERCEPTION = 4096;
    /** Distinct providers, provider names and models a session lists; more are not added. */
    public static final int SESSION_SET_ENTRIES = 64;
    /** Earlier listing starts a session remembers to delete; the oldest are forgotten past this. */
    public static final int SESSION_UNLISTED = 64;
    /** Truncation marks kept per event; past this one more mark, {@code truncated}, gives how many there were. */
    public static final int MARKS_PER_EVENT = 64;
    /** Bound of a mark's field name (a cut metadata key can make it long), in UTF-8 bytes. */
    public static final int MARK_FIELD_BYTES = 256;

    private static final String MARKS_FIELD = "truncated";
    private static final int SHA256_HEX = 64;

    private RecordBounds() {
    }

    /**
     * {@code event} cut to {@link AuditBounds} in place, with its truncation list itself bounded (another producer may
     * send any list): the marks of the cuts made here first, then the ones the event came with. Returns the event.
     */
    public static InterceptionEvent apply(InterceptionEvent event) {
        // The recorder's own cuts come first: past the cap, the sender's marks are the ones to go.
        List<Truncation> sent = event.getTruncated();
        event.setTruncated(List.of());
        AuditBounds.apply(event);
        List<Truncation> marks = new ArrayList<>(event.getTruncated());
        marks.addAll(sent);
        event.setTruncated(marks);
        boolean fits = marks.size() <= MARKS_PER_EVENT;
        for (Truncation t : marks) {
            fits &= fitsMark(t);
        }
        if (!fits) {
            List<Truncation> kept = new ArrayList<>();
            for (Truncation t : marks.subList(0, Math.min(marks.size(), MARKS_PER_EVENT))) {
                kept.add(fitsMark(t) ? t : new Truncation(AuditBounds.cut(t.getField(), MARK_FIELD_BYTES),
                        t.getOriginalLength(), AuditBounds.cut(t.getSha256(), SHA256_HEX)));
            }
            if (marks.size() > MARKS_PER_EVENT) {
                kept.add(new Truncation(MARKS_FIELD, (long) marks.size(), ""));
            }
            event.setTruncated(kept);
        }
        return event;
    }

    /**
     * The truncation marks of {@code event} by field, each as {@code original_length:sha256} (the form the audit tables
     * store), or an empty map when nothing was cut.
     */
    public static Map<String, String> marks(InterceptionEvent event) {
        if (event.getTruncated().isEmpty()) {
            return Map.of();
        }
        Map<String, String> marks = new LinkedHashMap<>();
        for (Truncation t : event.getTruncated()) {
            marks.putIfAbsent(t.getField(), t.getOriginalLength() + ":" + t.getSha256());
        }
        return Collections.unmodifiableMap(marks);
    }

    /** The marks of several parts of one row together; the first part's mark of a field wins. */
    @SafeVarargs
    public static Map<String, String> merge(Map<String, String>... parts) {
        Map<String, String> all = new LinkedHashMap<>();
        for (Map<String, String> part : parts) {
            if (part != null) {
                part.forEach(all::putIfAbsent);
            }
        }
        return all.isEmpty() ? null : all;
    }

    private static boolean fitsMark(Truncation t) {
        return AuditBounds.utf8Length(t.getField()) <= MARK_FIELD_BYTES && t.getSha256().length() <= SHA256_HEX;
    }
}
