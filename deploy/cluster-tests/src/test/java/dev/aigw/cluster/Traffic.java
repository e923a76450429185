package dev.aigw.cluster;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Several people, one thread each, sending requests through the gateway balancer one after another until stopped:
 * Anthropic and OpenAI, blocking and streaming, in turn. Every request's outcome is kept.
 */
final class Traffic implements AutoCloseable {
    /** What the client saw: success is a 200 and, for a stream, its last event. */
    record Outcome(String person, Kind kind, long startedNanos, long endedNanos, int status, String interceptionId,
                   boolean ok, String error) {
    }

    enum Kind {
        ANTHROPIC_BLOCKING("anthropic", false), ANTHROPIC_STREAMING("anthropic", true),
        OPENAI_BLOCKING("openai", false), OPENAI_STREAMING("openai", true);

        final String provider;
        final boolean stream;

        Kind(String provider, boolean stream) {
            this.provider = provider;
            this.stream = stream;
        }

        String path() {
            return provider.equals("anthropic") ? "/api/v2/aibridge/anthropic/v1/messages"
                    : "/api/v2/aibridge/openai/v1/chat/completions";
        }

        String body(int n) {
            String messages = "\"messages\": [{\"role\": \"user\", \"content\": \"question " + n + "\"}]";
            if (provider.equals("anthropic")) {
                return "{\"model\": \"claude-sonnet-4-0\", \"max_tokens\": 256, \"stream\": " + stream + ", " + messages + "}";
            }
            return "{\"model\": \"gpt-4o\", \"stream\": " + stream
                    + (stream ? ", \"stream_options\": {\"include_usage\": true}" : "") + ", " + messages + "}";
        }

        /** Whether a complete answer arrived: a stream must have reached its last event. */
        boolean complete(String body) {
            if (!stream) {
                return true;
            }
            return provider.equals("anthropic") ? body.contains("message_stop") : body.contains("[DONE]");
        }
    }

    private final int gatewayPort;
    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlightStreams = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    private Traffic(int gatewayPort) {
        this.gatewayPort = gatewayPort;
    }

    /** Traffic through the balancer on {@code gatewayPort}, not started yet. */
    static Traffic to(int gatewayPort) {
        return new Traffic(gatewayPort);
    }

    /** Starts one sender per person. */
    void start(List<Person> people) {
        for (Person person : people) {
            threads.add(Thread.ofPlatform().name("traffic-" + person.id()).start(() -> run(person)));
        }
    }

    /** A person and their gateway key. */
    record Person(String id, String key) {
    }

    /**
     * One request now to the node on {@code port}, outside the steady traffic (waiting for a key to reach every
     * gateway); a success is kept with the others, a refusal returned only.
     */
    Outcome once(int port, Person person, Kind kind) {
        Outcome outcome = call(port, person, kind, 0);
        if (outcome.ok()) {
            outcomes.add(outcome);
        }
        return outcome;
    }

    private void run(Person person) {
        Kind[] kinds = Kind.values();
        for (int n = 0; running; n++) {
            outcomes.add(call(gatewayPort, person, kinds[n % kinds.length], n));
        }
    }

    private Outcome call(int port, Person person, Kind kind, int n) {
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + kind.path()))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + person.key()).header("Content-Type", "application/json")
                .header("anthropic-version", "2023-06-01")
                .POST(HttpRequest.BodyPublishers.ofString(kind.body(n))).build();
        if (kind.stream) {
            inFlightStreams.incrementAndGet();
        }
        try {
            HttpResponse<String> response = Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            String id = response.headers().firstValue("X-AI-Gateway-Interception-Id").orElse(null);
            boolean ok = response.statusCode() == 200 && id != null && kind.complete(response.body());
            return new Outcome(person.id(), kind, started, System.nanoTime(), response.statusCode(), id, ok,
                    ok ? null : abbreviate(response.body()));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new Outcome(person.id(), kind, started, System.nanoTime(), 0, null, false, e.toString());
        } finally {
            if (kind.stream) {
                inFlightStreams.decrementAndGet();
            }
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    int inFlightStreams() {
        return inFlightStreams.get();
    }

    /** How many requests have succeeded so far. */
    long succeeded() {
        return outcomes.stream().filter(Outcome::ok).count();
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Lets every sender finish its request, then returns. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(Duration.ofMinutes(3));
        }
    }
}
