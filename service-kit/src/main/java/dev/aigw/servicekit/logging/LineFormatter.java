package dev.aigw.servicekit.logging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.servicekit.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

/**
 * One log record per line, with the record's {@link LogFields}: as text, time, level, logger, message and then
 * {@code name=value} pairs; as JSON, one object with {@code time}, {@code level}, {@code logger}, {@code msg}, the
 * fields and, for an exception, {@code error}.
 */
public final class LineFormatter extends Formatter {
    private static final ObjectMapper JSON = Json.MAPPER;
    // A text value that needs no quotes: nothing a reader could take for the end of the value or the next pair.
    private static final Pattern BARE = Pattern.compile("[^\\s\"=]+");

    private final boolean json;

    /** A formatter writing JSON when {@code json}, else text. */
    public LineFormatter(boolean json) {
        this.json = json;
    }

    @Override
    public String format(LogRecord record) {
        return json ? json(record) : text(record);
    }

    private String json(LogRecord record) {
        ObjectNode line = JSON.createObjectNode()
                .put("time", record.getInstant().toString())
                .put("level", record.getLevel().getName())
                .put("logger", record.getLoggerName())
                .put("msg", formatMessage(record));
        LogFields.of(record).ifPresent(fields -> fields.values().forEach((name, value) ->
                line.set(name, JSON.valueToTree(value))));
        if (record.getThrown() != null) {
            line.put("error", stackTrace(record.getThrown()));
        }
        return encode(line) + "\n";
    }

    private String text(LogRecord record) {
        StringBuilder line = new StringBuilder()
                .append(record.getInstant()).append(' ')
                .append(record.getLevel().getName()).append(' ')
                .append(record.getLoggerName()).append(": ")
                .append(formatMessage(record));
        LogFields.of(record).ifPresent(fields -> fields.values().forEach((name, value) ->
                line.append(' ').append(name).append('=').append(textValue(value))));
        line.append('\n');
        if (record.getThrown() != null) {
            line.append(stackTrace(record.getThrown()));
        }
        return line.toString();
    }

    private static String textValue(Object value) {
        if (value instanceof Number || value instanceof Boolean || value instanceof String s && BARE.matcher(s).matches()) {
            return value.toString();
        }
        return encode(value);
    }

    private static String encode(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("log fields are plain values, which always encode", e);
        }
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
