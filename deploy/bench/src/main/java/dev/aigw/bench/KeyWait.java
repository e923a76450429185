package dev.aigw.bench;

import dev.aigw.bench.load.Exchange;
import dev.aigw.bench.load.HttpConnection;
import dev.aigw.bench.targets.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Waits until a target answers a request with 200: a new gateway key reaches every node through Kafka within seconds. */
final class KeyWait {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private KeyWait() {
    }

    static void untilAccepted(Target target) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                Exchange exchange = HttpConnection.exchange(target.chat(Requests.blocking(), false));
                if (exchange.status() == 200) {
                    return;
                }
                last = exchange.status() + " " + new String(exchange.body(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                last = e.toString();
            }
            sleep();
        }
        throw new IllegalStateException(target.name() + " did not answer 200 within " + TIMEOUT.toSeconds() + " s: "
                + last);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
