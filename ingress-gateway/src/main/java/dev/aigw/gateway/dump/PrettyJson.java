package dev.aigw.gateway.dump;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * A JSON body indented for reading. Tokens are copied one by one rather than read into a tree, so keys keep their
 * order and numbers their exact text, and the dump shows what was sent, only laid out.
 */
final class PrettyJson {
    private static final JsonFactory JSON = new JsonFactory();
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");

    private PrettyJson() {
    }

    /** {@code body} indented when it is exactly one JSON value, else unchanged. */
    static byte[] orAsIs(byte[] body) {
        if (body.length == 0) {
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 2);
        try (JsonParser parser = JSON.createParser(body); JsonGenerator generator = JSON.createGenerator(out)) {
            generator.setPrettyPrinter(printer());
            int values = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                generator.copyCurrentEventExact(parser);
                if (parser.getParsingContext().inRoot() && ++values > 1) {
                    return body;
                }
            }
            if (values == 0) {
                return body;
            }
        } catch (IOException e) {
            return body;
        }
        return out.toByteArray();
    }

    private static DefaultPrettyPrinter printer() {
        return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
                .withObjectIndenter(INDENT)
                .withArrayIndenter(INDENT);
    }
}
