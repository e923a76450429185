package dev.aigw.query.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.query.QueryApi;
import dev.aigw.query.config.QueryConfig;
import dev.aigw.control.MasterKey;
import dev.aigw.auditstore.CqlScripts;
import dev.aigw.testkit.RealStack;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Read latency of the query API over a large audit store: writes {@code people × perPerson} interceptions (default
 * 1,000 × 1,000 over 30 days) into a fresh keyspace on the test kit's Cassandra node, starts a real query API on it and
 * times pages of each view over HTTP, one request at a time, printing p50, p90, p99 and max. Not a test: run it with
 * {@code ./mvnw -B -o -pl query-api -am test-compile -Pbench} (sizes: {@code -Dbench.people=},
 * {@code -Dbench.perPerson=}, {@code -Dbench.days=}, {@code -Dbench.samples=}).
 */
public final class AuditBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN = "bench-admin-" + UUID.randomUUID();

    private final int port;
    private final Random random = new Random(7);

    private AuditBenchmark(int port) {
        this.port = port;
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            benchmark();
        } catch (RuntimeException | Error e) {
            e.printStackTrace();
            status = 1;
        }
        stopChildren();
        // The test kit's clients run on threads of their own.
        System.exit(status);
    }

    // The Cassandra node is a child process: stop it here rather than trust a shutdown hook racing the exit.
    private static void stopChildren() {
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        children.forEach(ProcessHandle::destroy);
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                child.destroyForcibly();
            }
        }
    }

    private static void benchmark() {
        int people = Integer.getInteger("bench.people", 1000);
        int perPerson = Integer.getInteger("bench.perPerson", 1000);
        int days = Integer.getInteger("bench.days", 30);
        int samples = Integer.getInteger("bench.samples", 1000);
        String keyspace = RealStack.unique("bench");
        CqlSession cql = RealStack.cassandraSession();
        CqlScripts.statements(keyspace, "{'class': 'SimpleStrategy', 'replication_factor': 1}").forEach(cql::execute);
        System.out.printf("writing %,d interceptions of %,d people over %d days into %s%n", (long) people * perPerson, people,
                days, keyspace);
        long t0 = System.nanoTime();
        List<SyntheticAudit.Written> sample = new SyntheticAudit(cql, keyspace).write(people, perPerson, days,
                Instant.now(), 97);
        System.out.printf("written in %.0f s%n", (System.nanoTime() - t0) / 1e9);
        awaitCompactions(cql);
        try (QueryApi api = QueryApi.start(QueryConfig.fromEnv(env(keyspace)))) {
            new AuditBenchmark(api.port()).run(sample, samples);
        }
    }

    private void run(List<SyntheticAudit.Written> sample, int samples) {
        Map<String, String> keys = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            keys.computeIfAbsent(sample.get(i * sample.size() / 20).initiatorId(), this::memberKey);
        }
        List<String> members = new ArrayList<>(keys.values());
        String[] cursor = {null};
        IntFunction<String> deepPage = i -> {
            String path = "/api/v2/aibridge/interceptions" + (cursor[0] == null ? "" : "?after_id=" + cursor[0]);
            JsonNode page = getJson(path, ADMIN);
            cursor[0] = page.path("next_after_id").isNull() ? null : page.path("next_after_id").asText();
            return null;
        };
        System.out.printf("%n%d cores; load: 1-minute load average after the view; cpu: CPU ms per request of this JVM "
                + "(query API and client) and of the Cassandra node%n", Runtime.getRuntime().availableProcessors());
        System.out.printf("%-58s %8s %8s %8s %8s %6s %8s %8s%n", "view (" + samples + " requests each, one at a time)",
                "p50 ms", "p90 ms", "p99 ms", "max ms", "load", "cpu api", "cpu node");
        time("interceptions, everyone, first page (100)", samples, i -> get("/api/v2/aibridge/interceptions", ADMIN));
        time("interceptions, everyone, next pages by cursor (100)", samples, deepPage);
        time("interceptions, member's own, first page (100)", samples,
                i -> get("/api/v2/aibridge/interceptions", members.get(i % members.size())));
        time("interceptions, everyone, model:claude-opus-4 (100)", samples,
                i -> get("/api/v2/aibridge/interceptions?q=" + encode("model:claude-opus-4"), ADMIN));
        time("interceptions, everyone, first page (25)", samples, i -> get("/api/v2/aibridge/interceptions?limit=25", ADMIN));
        time("interception detail", samples,
                i -> get("/api/v2/aibridge/interceptions/" + sample.get(random.nextInt(sample.size())).id(), ADMIN));
        time("sessions, everyone, first page (100)", samples, i -> get("/api/v2/aibridge/sessions", ADMIN));
        time("sessions, member's own, first page (100)", samples,
                i -> get("/api/v2/aibridge/sessions", members.get(i % members.size())));
        time("session detail (10 interceptions)", samples,
                i -> get("/api/v2/aibridge/sessions/" + sample.get(random.nextInt(sample.size())).sessionId(), ADMIN));
        time("usage by model, member's own, all days", samples,
                i -> get("/api/v2/aibridge/usage?group_by=model", members.get(i % members.size())));
    }

    // Reads timed while the node still compacts what was just written would measure the compactions.
    private static void awaitCompactions(CqlSession cql) {
        long t0 = System.nanoTime();
        while (true) {
            var row = cql.execute("SELECT active_tasks, pending_tasks FROM system_views.thread_pools "
                    + "WHERE name = 'CompactionExecutor'").one();
            if (row == null || ((Number) row.getObject("active_tasks")).longValue()
                    + ((Number) row.getObject("pending_tasks")).longValue() == 0) {
                System.out.printf("compactions settled after %.0f s%n", (System.nanoTime() - t0) / 1e9);
                return;
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private void time(String name, int samples, IntFunction<String> request) {
        for (int i = 0; i < Math.max(50, samples / 10); i++) {
            request.apply(i);
        }
        long[] nanos = new long[samples];
        long cpuHere = cpu(ProcessHandle.current());
        long cpuNode = ProcessHandle.current().descendants().mapToLong(AuditBenchmark::cpu).sum();
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            request.apply(i);
            nanos[i] = System.nanoTime() - start;
        }
        double here = (cpu(ProcessHandle.current()) - cpuHere) / 1e6 / samples;
        double node = (ProcessHandle.current().descendants().mapToLong(AuditBenchmark::cpu).sum() - cpuNode) / 1e6 / samples;
        Arrays.sort(nanos);
        System.out.printf("%-58s %8.1f %8.1f %8.1f %8.1f %6s %8.1f %8.1f%n", name, ms(nanos, 0.50), ms(nanos, 0.90),
                ms(nanos, 0.99), nanos[samples - 1] / 1e6, loadAverage(), here, node);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }

    private String memberKey(String userId) {
        String body = "{\"user_id\":\"" + userId + "\",\"username\":\"name-" + userId + "\",\"role\":\"member\"}";
        String key = send(HttpRequest.newBuilder(uri("/api/v2/keys")).header("Authorization", "Bearer " + ADMIN)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 201).path("key").asText();
        RealStack.await(Duration.ofSeconds(30), () -> get("/api/v2/keys", key));
        return key;
    }

    private String get(String path, String key) {
        send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key).build(), 200);
        return path;
    }

    private JsonNode getJson(String path, String key) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key).build(), 200);
    }

    private static JsonNode send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static Map<String, String> env(String keyspace) {
        Map<String, String> env = new HashMap<>();
        env.put("CODER_AI_GATEWAY_KAFKA_BOOTSTRAP", RealStack.kafkaBootstrap());
        env.put("CODER_AI_GATEWAY_SCHEMA_REGISTRY_URL", RealStack.schemaRegistryUrl().toString());
        env.put("CODER_AI_GATEWAY_CASSANDRA_CONTACT_POINTS", RealStack.cassandraContactPoint());
        env.put("CODER_AI_GATEWAY_CASSANDRA_KEYSPACE", keyspace);
        env.put("CODER_AI_GATEWAY_QUERY_PORT", "0");
        env.put("CODER_AI_GATEWAY_ADMIN_TOKEN", ADMIN);
        env.put("CODER_AI_GATEWAY_MASTER_KEY", MasterKey.generate());
        String keys = RealStack.unique("keys");
        String providers = RealStack.unique("providers");
        RealStack.createTopics(1, keys, providers);
        env.put("CODER_AI_GATEWAY_CONTROL_KEYS_TOPIC", keys);
        env.put("CODER_AI_GATEWAY_CONTROL_PROVIDERS_TOPIC", providers);
        return env;
    }
}
