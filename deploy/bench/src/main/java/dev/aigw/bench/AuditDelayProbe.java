package dev.aigw.bench;

import dev.aigw.bench.load.Exchange;
import dev.aigw.bench.load.HttpConnection;
import dev.aigw.bench.report.AuditDelay;
import dev.aigw.bench.targets.AuditStack;
import dev.aigw.bench.targets.Target;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Time from the end of a response through our gateway to its interception being readable, ended, in the query API:
 * the gateway's producer, Kafka, the recorder's topology and commit, Cassandra and the query API in one number.
 */
final class AuditDelayProbe {
    private static final Duration GIVE_UP = Duration.ofSeconds(15);
    // Each poll is a query API call and a Cassandra read on the core the recorder shares: polling faster slowed it.
    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

    private final AuditStack stack;
    private final Consumer<String> progress;

    AuditDelayProbe(AuditStack stack, Consumer<String> progress) {
        this.stack = stack;
        this.progress = progress;
    }

    AuditDelay measure(Target target, int samples) {
        progress.accept("audit delay: " + samples + " interceptions through " + target.name() + " into the query API");
        Histogram millis = new Histogram(GIVE_UP.toMillis() * 2, 3);
        int missing = 0;
        for (int i = 0; i < samples; i++) {
            Exchange exchange = send(target);
            String id = exchange.header("X-AI-Gateway-Interception-Id").orElseThrow(() -> new IllegalStateException(
                    target.name() + " answered without X-AI-Gateway-Interception-Id"));
            long deadline = exchange.endedAt() + GIVE_UP.toNanos();
            boolean seen = false;
            while (!seen && System.nanoTime() < deadline) {
                seen = stack.ended(id);
                if (!seen) {
                    LockSupport.parkNanos(POLL_NANOS);
                }
            }
            if (seen) {
                millis.recordValue(Math.max(1, (System.nanoTime() - exchange.endedAt()) / 1_000_000));
            } else {
                missing++;
            }
        }
        return new AuditDelay(samples, missing, millis.getValueAtPercentile(50), millis.getValueAtPercentile(99),
                millis.getMaxValue());
    }

    private static Exchange send(Target target) {
        try {
            Exchange exchange = HttpConnection.exchange(target.chat(Requests.blocking(), false));
            if (exchange.status() != 200) {
                throw new IllegalStateException(target.name() + " answered " + exchange.status());
            }
            return exchange;
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + target.name() + ": " + e.getMessage(), e);
        }
    }
}
