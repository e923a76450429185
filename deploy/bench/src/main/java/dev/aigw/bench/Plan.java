package dev.aigw.bench;

import java.time.Duration;
import java.util.List;

/**
 * How long and how often each scenario runs.
 *
 * @param mode           {@code full}, {@code quick} or {@code smoke}
 * @param repetitions    repetitions of each latency, throughput and streaming run; targets take turns in each
 * @param jitWarmup      load at full concurrency sent to each target once, before anything is measured: a JVM
 *                       compiles its hot paths for tens of seconds on one core, and a cold one would be measured
 *                       for its compiler
 * @param warmup         load sent to each target before each scenario, and thrown away
 * @param run            length of one latency or throughput run
 * @param sustainedRates offered rates tried in turn against the 20 ms mock until p99 exceeds 50 ms or a request fails
 * @param step           length of one offered rate
 * @param streams        concurrent streams of the streaming run
 * @param streamRun      length of one streaming run
 * @param openStreams    numbers of streams held open on our gateway while its memory is read
 * @param auditSamples   interceptions whose way into the query API is timed
 * @param peers          whether nginx and Portkey are measured
 * @param flightRecording whether our gateway's nodes record a JFR profile into the run's {@code logs/}
 */
public record Plan(String mode, int repetitions, Duration jitWarmup, Duration warmup, Duration run,
                   List<Integer> sustainedRates, Duration step, int streams, Duration streamRun, List<Integer> openStreams, int auditSamples,
                   boolean peers, boolean flightRecording) {
    /** Concurrency of the throughput run: enough to saturate a 2-core machine with a 0 ms mock. */
    public static final int SATURATION_CONCURRENCY = 32;

    private static final List<Integer> RATES = List.of(250, 500, 750, 1000, 1250, 1500, 2000, 2500, 3000, 4000);

    /** About twelve minutes on a 2-core machine. */
    public static Plan full() {
        return new Plan("full", 3, Duration.ofSeconds(30), Duration.ofSeconds(3), Duration.ofSeconds(5),
                RATES, Duration.ofSeconds(3), 16, Duration.ofSeconds(4), List.of(1_000, 5_000), 100, true, false);
    }

    /** About three minutes: one repetition of short runs, fewer offered rates, memory with 1,000 streams. */
    public static Plan quick() {
        return new Plan("quick", 1, Duration.ofSeconds(4), Duration.ofMillis(500), Duration.ofSeconds(2),
                List.of(500, 1000, 2000, 4000), Duration.ofSeconds(1), 16, Duration.ofSeconds(2), List.of(1_000), 20,
                true, false);
    }

    /** A few seconds of each scenario, to keep the harness from rotting; its numbers mean nothing. */
    public static Plan smoke() {
        return new Plan("smoke", 1, Duration.ofMillis(500), Duration.ofMillis(300), Duration.ofMillis(700),
                List.of(100, 200), Duration.ofMillis(700), 4, Duration.ofMillis(1_500), List.of(100), 5, true, false);
    }

    /** This plan, with our gateway's nodes recording a JFR profile (which costs them a little CPU). */
    public Plan withFlightRecording() {
        return new Plan(mode, repetitions, jitWarmup, warmup, run, sustainedRates, step, streams, streamRun,
                openStreams, auditSamples, peers, true);
    }
}
