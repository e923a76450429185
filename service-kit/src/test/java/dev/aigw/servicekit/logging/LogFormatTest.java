package dev.aigw.servicekit.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.servicekit.config.Settings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogFormatTest {
    private final List<Handler> handlers = Arrays.asList(Logger.getLogger("").getHandlers());
    private List<Formatter> before;

    @BeforeEach
    void remember() {
        before = handlers.stream().map(Handler::getFormatter).toList();
    }

    @AfterEach
    void restore() {
        for (int i = 0; i < handlers.size(); i++) {
            handlers.get(i).setFormatter(before.get(i));
        }
    }

    @Test
    void shouldFormatEveryRootHandlerAsJsonLinesWhenTheFlagAsks() throws Exception {
        LogFormat.configure(Settings.load(Map.of(), List.of("--ai-gateway-log-json"), new ArrayList<>()));

        LogRecord record = new LogRecord(Level.WARNING, "disk {0} is full");
        record.setLoggerName("test");
        record.setParameters(new Object[] {"/var"});
        assertThat(handlers).isNotEmpty().allSatisfy(handler ->
                assertThat(new ObjectMapper().readTree(handler.getFormatter().format(record)).path("msg").asText())
                        .isEqualTo("disk /var is full"));
    }

    @Test
    void shouldLogAsTextWhenTheValueIsNotABoolean() {
        LogFormat.configure(Settings.load(Map.of("CODER_AI_GATEWAY_LOG_JSON", "yes"), List.of(), new ArrayList<>()));

        LogRecord record = new LogRecord(Level.INFO, "started");
        record.setLoggerName("test");
        assertThat(handlers).isNotEmpty().allSatisfy(handler ->
                assertThat(handler.getFormatter().format(record)).endsWith(" INFO test: started\n"));
    }
}
