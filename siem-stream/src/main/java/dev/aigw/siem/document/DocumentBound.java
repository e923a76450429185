package dev.aigw.siem.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.schemas.bounds.AuditBounds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a document as JSON no longer than {@link #MAX_BYTES}. Events are bounded already ({@link AuditBounds}), but
 * JSON escaping can make text up to six times longer (a control character becomes {@code \u0000}); a document over
 * the bound has its longest text fields halved until it fits, and lists them under {@link Fields#DOCUMENT_CUT}.
 */
public final class DocumentBound {
    /** Largest JSON document, in UTF-8 bytes: under the broker's default message size with room for the record. */
    public static final int MAX_BYTES = 768 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private DocumentBound() {
    }

    /** {@code doc} as JSON, cut to {@link #MAX_BYTES}. */
    public static String json(Map<String, Object> doc) {
        return json(doc, MAX_BYTES);
    }

    static String json(Map<String, Object> doc, int maxBytes) {
        String json = write(doc);
        if (json.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return json;
        }
        Map<String, Object> cut = new LinkedHashMap<>(doc);
        List<String> cutFields = new ArrayList<>();
        while (json.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            String longest = longestText(cut);
            if (longest == null) {
                throw new IllegalStateException("a document without text over its bound: " + json.length() + " chars");
            }
            String text = (String) cut.get(longest);
            cut.put(longest, AuditBounds.cut(text, (int) (AuditBounds.utf8Length(text) / 2)));
            if (!cutFields.contains(longest)) {
                cutFields.add(longest);
            }
            cut.put(Fields.DOCUMENT_CUT, List.copyOf(cutFields));
            json = write(cut);
        }
        return json;
    }

    private static String longestText(Map<String, Object> doc) {
        String longest = null;
        int length = 0;
        for (Map.Entry<String, Object> field : doc.entrySet()) {
            if (field.getValue() instanceof String s && s.length() > length) {
                longest = field.getKey();
                length = s.length();
            }
        }
        return length == 0 ? null : longest;
    }

    private static String write(Map<String, Object> doc) {
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a document of strings, numbers, booleans, maps and lists is always JSON", e);
        }
    }
}
