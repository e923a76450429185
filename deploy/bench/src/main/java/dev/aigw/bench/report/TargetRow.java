package dev.aigw.bench.report;

import java.util.Map;

/**
 * Everything measured for one target. A {@code null} component was not measured for this target (the direct call has
 * nothing "added"; only our gateway has its memory and audit delay measured).
 *
 * @param name             short name, e.g. {@code gateway-audit-on}
 * @param description      what it is, with its version and settings
 * @param c1P50Micros      latency p50 at concurrency 1 against the 0 ms mock, blocking Chat Completions
 * @param c1P99Micros      the same run's p99
 * @param addedP50Micros   {@code c1P50Micros} minus the direct call's, per repetition
 * @param addedP99Micros   {@code c1P99Micros} minus the direct call's, per repetition
 * @param saturationRps    requests/s at concurrency 32 against the 0 ms mock
 * @param sustainedRps     highest offered rate (open model, 20 ms mock) whose p99 stayed within 50 ms with no failure
 * @param ttfbP99Micros    streamed Chat Completions (64 deltas, 20 ms apart): time to first byte p99
 * @param addedTtfbP99Micros {@code ttfbP99Micros} minus the direct call's
 * @param gapP99Micros     gap between consecutive SSE events, p99
 * @param addedGapP99Micros {@code gapP99Micros} minus the direct call's
 * @param rssBytesByStreams resident set size of the target process with that many streams open
 * @param failed           failed requests over every run of this target
 */
public record TargetRow(String name, String description, Spread c1P50Micros, Spread c1P99Micros,
                        Spread addedP50Micros, Spread addedP99Micros, Spread saturationRps, Double sustainedRps,
                        Spread ttfbP99Micros, Spread addedTtfbP99Micros, Spread gapP99Micros,
                        Spread addedGapP99Micros, Map<Integer, Long> rssBytesByStreams, long failed) {
}
