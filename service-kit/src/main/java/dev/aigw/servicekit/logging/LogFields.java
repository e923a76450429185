package dev.aigw.servicekit.logging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Named values carried by a log record besides its message, in the order they were added. They travel as the
 * record's only parameter, which the line formatters of this package write out.
 */
public final class LogFields {
    private final Map<String, Object> values = new LinkedHashMap<>();

    private LogFields() {
    }

    /** Fields starting with {@code name = value}. */
    public static LogFields of(String name, Object value) {
        return new LogFields().and(name, value);
    }

    /** Adds {@code name = value}. */
    public LogFields and(String name, Object value) {
        values.put(name, value);
        return this;
    }

    /** The fields in order. */
    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    /** Logs {@code message} with these fields. */
    public void log(Logger logger, Level level, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger.getName());
        // Else JUL would name this class as the source, being the first caller outside java.util.logging.
        record.setSourceClassName(logger.getName());
        record.setParameters(new Object[] {this});
        logger.log(record);
    }

    /** The fields a record carries, if any. */
    public static Optional<LogFields> of(LogRecord record) {
        Object[] parameters = record.getParameters();
        return parameters != null && parameters.length == 1 && parameters[0] instanceof LogFields fields
                ? Optional.of(fields) : Optional.empty();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
