package dev.aigw.recorder.audit;

/**
 * An interception's contribution before and after one of its events. Aggregates take back {@code before} and add
 * {@code after}, so sums stay exact however often an interception changes; each change is applied exactly once
 * because it travels through Kafka Streams' exactly-once processing.
 *
 * @param before the previous contribution, or null when this is the first one (the start event just arrived)
 * @param after  the current contribution
 */
public record SummaryChange(Contribution before, Contribution after) {
}
