package dev.aigw.siem.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentBoundTest {
    @Test
    void shouldKeepADocumentUnderItsBoundWhenEscapingGrowsIt() throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(Fields.EVENT_ID, "e1");
        // 128 KiB of control characters, as a prompt may hold: six bytes each once escaped.
        doc.put(Fields.PROMPT, "\u0001".repeat(128 * 1024));
        doc.put(Fields.THOUGHT, "\u0002".repeat(128 * 1024));

        String json = DocumentBound.json(doc);

        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(DocumentBound.MAX_BYTES);
        JsonNode read = new ObjectMapper().readTree(json);
        assertThat(read.get(Fields.EVENT_ID).asText()).isEqualTo("e1");
        assertThat(read.get(Fields.DOCUMENT_CUT)).extracting(JsonNode::asText).contains(Fields.PROMPT);
        assertThat(read.get(Fields.PROMPT).asText()).isNotEmpty().matches("\u0001+");
    }

    @Test
    void shouldLeaveADocumentUnderItsBoundAsItIs() throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(Fields.EVENT_ID, "e1");
        doc.put(Fields.PROMPT, "hello");

        assertThat(DocumentBound.json(doc)).isEqualTo("{\"event.id\":\"e1\",\"aigw.prompt.text\":\"hello\"}");
    }
}
