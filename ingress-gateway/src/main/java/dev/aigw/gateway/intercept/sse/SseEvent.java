package dev.aigw.gateway.intercept.sse;

/**
 * One server-sent event.
 *
 * @param event the {@code event:} field, empty when absent
 * @param data  the {@code data:} lines joined with {@code \n}
 */
public record SseEvent(String event, String data) {
}
