package dev.aigw.gateway.intercept.sse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Decodes SSE from byte chunks of any size, calling back once per complete event. Bytes are kept only until their
 * line is complete, so memory stays bounded by the longest line, not by the stream.
 */
public final class SseDecoder {
    private final Consumer<SseEvent> events;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final StringBuilder data = new StringBuilder();
    private String event = "";
    private boolean hasData;
    private boolean lastWasCr;

    /** A decoder that hands each complete event to {@code events}. */
    public SseDecoder(Consumer<SseEvent> events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Feeds the next chunk of the stream. */
    public void feed(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b == '\n' && lastWasCr) {
                lastWasCr = false;
                continue;
            }
            lastWasCr = b == '\r';
            if (b == '\n' || b == '\r') {
                endOfLine();
            } else {
                line.write(b);
            }
        }
    }

    /** Ends the stream: an event not yet closed by a blank line is delivered. */
    public void finish() {
        if (line.size() > 0) {
            endOfLine();
        }
        dispatch();
    }

    private void endOfLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.isEmpty()) {
            dispatch();
            return;
        }
        if (text.startsWith(":")) {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> event = value;
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            default -> {
                // id:, retry: and unknown fields carry nothing the audit needs.
            }
        }
    }

    private void dispatch() {
        if (hasData) {
            events.accept(new SseEvent(event, data.toString()));
        }
        event = "";
        data.setLength(0);
        hasData = false;
    }
}
