package dev.aigw.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.aigw.bench.mock.MockProfile;
import dev.aigw.bench.mock.MockUpstream;
import dev.aigw.devstack.ClusterStack;
import dev.aigw.engines.Ports;

/**
 * The production shape of {@code ./aigw up --cluster} (3 brokers, a 3-node ring at LOCAL_QUORUM, 2 recorders, 2 query
 * APIs, 3 gateways, HAProxy) on ports of its own, with people sending requests through the balancer while members
 * fail one after another. Afterwards every request a client saw succeed must be in the audit store exactly once,
 * with its exact tokens in the usage rollups.
 *
 * <p>{@code -Daigw.cluster.faults=kafka,cassandra,recorder,gateway} picks the faults (all by default), and
 * {@code -Daigw.cluster.cassandra-down-seconds} how long the Cassandra node stays down (60).
 */
class ClusterFaultsIT {
    private static final Set<String> FAULTS = Set.of(System.getProperty("aigw.cluster.faults", "kafka,cassandra,recorder,gateway").split(","));
    private static final Duration CASSANDRA_DOWN = Duration.ofSeconds(Long.getLong("aigw.cluster.cassandra-down-seconds", 60));
    private static final Duration LONG = Duration.ofMinutes(5);
    /** The mock answers with this many output tokens (one per delta) and 12 input tokens. */
    private static final int DELTAS = 20;
    private static final int INPUT_TOKENS = 12;
    private static final int PEOPLE = 4;
    private static final int PORTS = 18;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Integer> refusedWarmups = new ConcurrentHashMap<>();

    @Test
    void shouldRecordEveryAnsweredRequestExactlyOnceWhileMembersFail() throws Exception {
        long began = System.nanoTime();
        Instant startedAt = Instant.now().minusSeconds(3600);
        Map<String, String> env = environment();
        String admin = env.get("CODER_AI_GATEWAY_ADMIN_TOKEN");
        int balancer = Integer.parseInt(env.get("CODER_AI_GATEWAY_PORT"));
        URI query = URI.create("http://127.0.0.1:" + env.get("CODER_AI_GATEWAY_QUERY_PORT"));
        List<String> secrets = new ArrayList<>(List.of(admin, env.get("CODER_AI_GATEWAY_MASTER_KEY")));

        // Streams of about two seconds, so that a node stopped mid-traffic has some open.
        try (MockUpstream mock = MockUpstream.start("127.0.0.1", 0, MockProfile.ofMillis(100, DELTAS, 100, 512));
             ClusterStack cluster = ClusterStack.start(env)) {
            System.out.printf("cluster ready after %.0f s, %d MB resident%n", seconds(began), cluster.residentBytes() >> 20);
            String anthropicKey = "sk-ant-cluster-" + secret(Base64.getUrlEncoder().withoutPadding());
            String openaiKey = "sk-openai-cluster-" + secret(Base64.getUrlEncoder().withoutPadding());
            secrets.addAll(List.of(anthropicKey, openaiKey));
            putProvider(query, admin, "anthropic", "http://127.0.0.1:" + mock.port() + "/", anthropicKey);
            putProvider(query, admin, "openai", "http://127.0.0.1:" + mock.port() + "/v1/", openaiKey);
            List<Traffic.Person> people = new ArrayList<>();
            for (int i = 1; i <= PEOPLE; i++) {
                people.add(new Traffic.Person("person-" + i, createKey(query, admin, "person-" + i)));
            }
            people.forEach(p -> secrets.add(p.key()));

            Traffic traffic = Traffic.to(balancer);
            try (traffic) {
                awaitEveryGatewayKnows(cluster, traffic, people);
                traffic.start(people);
                awaitProgress(traffic, "steady traffic");
                long sigkill = faults(cluster, traffic, query, admin);
                traffic.close();
                System.out.printf("traffic stopped after %.0f s: %d requests%n", seconds(began), traffic.outcomes().size());
                assertFailuresOnlyInFlightAt(traffic.outcomes(), sigkill);
            }

            List<Traffic.Outcome> ok = traffic.outcomes().stream().filter(Traffic.Outcome::ok).toList();
            awaitReadable(query, admin, ok.stream().map(Traffic.Outcome::interceptionId).toList());
            assertExactlyOnceWithExactUsage(query, admin, people, traffic.outcomes(), startedAt);
            assertBothQueryNodesAnswerTheSamePages(cluster, admin, people.getFirst());
            assertNoSecretInLogs(cluster.logs(), secrets);
            System.out.printf("cluster test done after %.0f s; %d requests answered; cluster resident %d MB%n",
                    seconds(began), ok.size(), cluster.residentBytes() >> 20);
        }
    }

    /** Runs the chosen faults one after another; returns when gateway-3 was SIGKILLed (nanoTime), or -1. */
    private long faults(ClusterStack cluster, Traffic traffic, URI query, String admin) throws Exception {
        if (FAULTS.contains("kafka")) {
            System.out.println("fault: SIGKILL kafka-2");
            cluster.kill("kafka-2");
            awaitProgress(traffic, "traffic with kafka-2 down");
            cluster.restart("kafka-2");
            awaitProgress(traffic, "traffic after kafka-2 restarted");
        }
        if (FAULTS.contains("cassandra")) {
            System.out.println("fault: SIGKILL cassandra-3 for " + CASSANDRA_DOWN.toSeconds() + " s");
            cluster.kill("cassandra-3");
            Thread.sleep(CASSANDRA_DOWN.toMillis()); // the deliberate down-time of the fault
            cluster.restart("cassandra-3");
            awaitProgress(traffic, "traffic after cassandra-3 restarted");
        }
        if (FAULTS.contains("recorder")) {
            System.out.println("fault: SIGKILL recorder-1");
            cluster.kill("recorder-1");
            int before = traffic.outcomes().size();
            awaitProgress(traffic, "traffic with recorder-1 down");
            awaitProgress(traffic, "more traffic with recorder-1 down");
            // recorder-2 takes over recorder-1's partitions: what was answered since is recorded without it.
            awaitReadable(query, admin, traffic.outcomes().subList(before, traffic.outcomes().size()).stream()
                    .filter(Traffic.Outcome::ok).map(Traffic.Outcome::interceptionId).toList());
            cluster.restart("recorder-1");
            awaitProgress(traffic, "traffic after recorder-1 restarted");
        }
        if (!FAULTS.contains("gateway")) {
            return -1;
        }
        System.out.println("fault: SIGTERM gateway-2 mid-stream");
        Http.await("streams in flight", LONG, () -> traffic.inFlightStreams() > 1);
        cluster.terminate("gateway-2");
        awaitProgress(traffic, "traffic with gateway-2 stopped");
        cluster.restart("gateway-2");
        awaitProgress(traffic, "traffic after gateway-2 restarted");

        System.out.println("fault: SIGKILL gateway-3 with events in its spool (kafka-1 and kafka-2 frozen)");
        List<String> frozen = List.of("kafka-1", "kafka-2");
        frozen.forEach(b -> signal("STOP", cluster.pid(b)));
        long sigkill;
        try {
            int node = cluster.gatewayNode(3);
            Http.await("events in gateway-3's spool", LONG, () -> spooledEvents(node) > 0);
            long spooled = spooledEvents(node);
            sigkill = System.nanoTime();
            cluster.kill("gateway-3");
            System.out.printf("gateway-3 SIGKILLed with %d events in its spool, %d streams in flight%n", spooled,
                    traffic.inFlightStreams());
        } finally {
            frozen.forEach(b -> signal("CONT", cluster.pid(b)));
        }
        awaitProgress(traffic, "traffic with gateway-3 killed");
        cluster.restart("gateway-3");
        awaitProgress(traffic, "traffic after gateway-3 restarted");
        return sigkill;
    }

    private static void assertFailuresOnlyInFlightAt(List<Traffic.Outcome> outcomes, long sigkill) {
        List<Traffic.Outcome> failed = outcomes.stream().filter(o -> !o.ok()).toList();
        System.out.printf("%d of %d requests failed%s%n", failed.size(), outcomes.size(), failed.stream()
                .map(o -> "\n  " + o.person() + " " + o.kind() + ": " + o.status() + " " + o.error()).collect(Collectors.joining()));
        assertThat(failed).as("failures other than requests in flight on the SIGKILLed gateway")
                .allMatch(o -> sigkill > 0 && o.startedNanos() < sigkill && o.endedNanos() > sigkill);
    }

    /** Every key and provider reaches each gateway through Kafka: each node answers each person once. */
    private void awaitEveryGatewayKnows(ClusterStack cluster, Traffic traffic, List<Traffic.Person> people) {
        for (Traffic.Person person : people) {
            for (int n = 1; n <= 3; n++) {
                int node = cluster.gatewayNode(n);
                for (Traffic.Kind kind : List.of(Traffic.Kind.ANTHROPIC_BLOCKING, Traffic.Kind.OPENAI_BLOCKING)) {
                    Http.await(person.id() + "'s key and the " + kind.provider + " provider on gateway-" + n, LONG, () -> {
                        boolean ok = traffic.once(node, person, kind).ok();
                        if (!ok) {
                            refusedWarmups.merge(person.id(), 1, Integer::sum);
                        }
                        return ok;
                    });
                }
            }
        }
    }

    /** Waits until at least eight more requests have succeeded: the cluster serves with the fault in place. */
    private static void awaitProgress(Traffic traffic, String what) {
        long target = traffic.succeeded() + 8;
        Http.await(what, LONG, () -> traffic.succeeded() >= target);
    }

    /** Waits until every interception is readable through the balancer with its end recorded. */
    private static void awaitReadable(URI query, String admin, List<String> ids) {
        Set<String> missing = ConcurrentHashMap.newKeySet();
        missing.addAll(ids);
        Http.await(ids.size() + " interceptions readable (" + missing.size() + " missing)", Duration.ofMinutes(10), () -> {
            missing.removeIf(id -> {
                HttpResponse<String> r = Http.send("GET", query.resolve("/api/v2/aibridge/interceptions/" + id), admin, null);
                JsonNode ended = r.statusCode() == 200 ? Http.parse(r.body()).path("ended_at") : null;
                return ended != null && !ended.isNull() && !ended.isMissingNode();
            });
            return missing.isEmpty();
        });
    }

    /**
     * Each person's audited interceptions are the requests they saw succeed, once each, plus at most as many as
     * failed; each answered one has the mock's tokens; and the usage rollups sum exactly what the listing holds.
     */
    private void assertExactlyOnceWithExactUsage(URI query, String admin, List<Traffic.Person> people,
                                                 List<Traffic.Outcome> outcomes, Instant startedAt) {
        Map<String, Map<String, JsonNode>> listed = new HashMap<>();
        Http.await("usage rollups equal to the listings", LONG, () -> {
            listed.clear();
            JsonNode usage = Http.getJson(query.resolve("/api/v2/aibridge/usage?group_by=user&started_after="
                    + startedAt), admin).path("results");
            for (Traffic.Person person : people) {
                Map<String, JsonNode> rows = list(query, admin, "initiator:" + person.id());
                listed.put(person.id(), rows);
                JsonNode group = find(usage, person.id());
                if (group == null || group.path("interceptions").asLong() != rows.size()
                        || group.path("input_tokens").asLong() != sum(rows.values(), "input_tokens")
                        || group.path("output_tokens").asLong() != sum(rows.values(), "output_tokens")) {
                    System.out.printf("  %s: usage %s, listing %d interceptions%n", person.id(), group, rows.size());
                    return false;
                }
            }
            return true;
        });
        for (Traffic.Person person : people) {
            Map<String, JsonNode> rows = listed.get(person.id());
            List<Traffic.Outcome> mine = outcomes.stream().filter(o -> o.person().equals(person.id())).toList();
            List<String> ok = mine.stream().filter(Traffic.Outcome::ok).map(Traffic.Outcome::interceptionId).toList();
            assertThat(new HashSet<>(ok)).as("distinct interception ids").hasSize(ok.size());
            assertThat(rows.keySet()).as(person.id() + "'s audited interceptions").containsAll(ok);
            long failed = mine.stream().filter(o -> !o.ok()).count() + refusedWarmups.getOrDefault(person.id(), 0);
            assertThat(rows.size() - ok.size()).as(person.id() + "'s audited interceptions not answered").isLessThanOrEqualTo((int) failed);
            for (String id : ok) {
                JsonNode row = rows.get(id);
                assertThat(sum(List.of(row), "input_tokens")).as("input tokens of " + id).isEqualTo(INPUT_TOKENS);
                assertThat(sum(List.of(row), "output_tokens")).as("output tokens of " + id).isEqualTo(DELTAS);
            }
        }
    }

    private static Map<String, JsonNode> list(URI query, String admin, String q) {
        Map<String, JsonNode> rows = new HashMap<>();
        String after = null;
        do {
            JsonNode page = Http.getJson(query.resolve("/api/v2/aibridge/interceptions?limit=1000&q=" + encode(q)
                    + (after == null ? "" : "&after_id=" + encode(after))), admin);
            page.path("results").forEach(r -> {
                JsonNode previous = rows.put(r.path("id").asText(), r);
                assertThat(previous).as("interception " + r.path("id").asText() + " listed twice").isNull();
            });
            after = page.path("next_after_id").isTextual() ? page.path("next_after_id").asText() : null;
        } while (after != null);
        return rows;
    }

    private static void assertBothQueryNodesAnswerTheSamePages(ClusterStack cluster, String admin, Traffic.Person person) {
        String page = "/api/v2/aibridge/interceptions?limit=10&q=" + encode("initiator:" + person.id());
        URI one = URI.create("http://127.0.0.1:" + cluster.queryNode(1));
        URI two = URI.create("http://127.0.0.1:" + cluster.queryNode(2));
        JsonNode first = Http.getJson(one.resolve(page), admin);
        assertThat(Http.getJson(two.resolve(page), admin)).isEqualTo(first);
        String cursor = first.path("next_after_id").asText();
        assertThat(cursor).as("a cursor to a second page").isNotBlank();
        JsonNode second = Http.getJson(two.resolve(page + "&after_id=" + encode(cursor)), admin);
        assertThat(second.path("results")).isNotEmpty().isEqualTo(Http.getJson(one.resolve(page + "&after_id=" + encode(cursor)), admin).path("results"));
        assertThat(ids(second)).doesNotContainAnyElementsOf(ids(first));
    }

    private static void assertNoSecretInLogs(Path logs, List<String> secrets) throws IOException {
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertThat(text.contains(secret)).as("a secret in " + file).isFalse();
                }
            }
        }
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("results").forEach(r -> ids.add(r.path("id").asText()));
        return ids;
    }

    private static long sum(Iterable<JsonNode> rows, String field) {
        long total = 0;
        for (JsonNode row : rows) {
            for (JsonNode usage : row.path("token_usages")) {
                total += usage.path(field).asLong();
            }
        }
        return total;
    }

    private static JsonNode find(JsonNode groups, String key) {
        for (JsonNode group : groups) {
            if (group.path("key").asText().equals(key)) {
                return group;
            }
        }
        return null;
    }

    private static long spooledEvents(int port) {
        String metrics = Http.send("GET", URI.create("http://127.0.0.1:" + port + "/metrics"), "", null).body();
        return metrics.lines().filter(l -> l.startsWith("coder_ai_gateway_spool_events"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static void signal(String signal, long pid) {
        try {
            int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
            assertThat(exit).as("kill -" + signal + " " + pid).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void putProvider(URI query, String admin, String name, String baseUrl, String key) {
        String body = "{\"type\": \"" + name + "\", \"base_url\": \"" + baseUrl + "\", \"keys\": [\"" + key + "\"]}";
        HttpResponse<String> r = Http.send("PUT", query.resolve("/api/v2/providers/" + name), admin, body);
        assertThat(r.statusCode()).as("PUT provider " + name + ": " + r.body()).isIn(200, 201);
    }

    private static String createKey(URI query, String admin, String person) {
        String body = "{\"user_id\": \"" + person + "\", \"username\": \"" + person + "\", \"role\": \"member\", \"name\": \"cluster-test\"}";
        HttpResponse<String> r = Http.send("POST", query.resolve("/api/v2/keys"), admin, body);
        assertThat(r.statusCode()).as("POST key: " + r.body()).isEqualTo(201);
        return Http.parse(r.body()).path("key").asText();
    }

    /** The stack's settings: its own state directory, fresh secrets, and a block of free ports for every member. */
    private static Map<String, String> environment() {
        int base = Ports.freeBlock(PORTS);
        Map<String, String> env = new HashMap<>();
        env.put("CODER_AI_GATEWAY_STATE_DIR", Path.of("target", "cluster").toAbsolutePath().toString());
        env.put("CODER_AI_GATEWAY_ADMIN_TOKEN", secret(Base64.getUrlEncoder().withoutPadding()));
        env.put("CODER_AI_GATEWAY_MASTER_KEY", secret(Base64.getEncoder()));
        String[] names = {"KAFKA_PORT", "KAFKA_CONTROLLER_PORT"};
        for (int i = 0; i < names.length; i++) {
            env.put("CODER_AI_GATEWAY_" + names[i], Integer.toString(base + i)); // brokers step by two: base, +2, +4
        }
        Map<String, Integer> rest = Map.of("CASSANDRA_PORT", 6, "CASSANDRA_STORAGE_PORT", 7, "REGISTRY_PORT", 8,
                "RECORDER_PORT", 9, "QUERY_PORT", 11, "PORT", 12, "GATEWAY_NODES_PORT", 13, "QUERY_NODES_PORT", 16);
        rest.forEach((name, offset) -> env.put("CODER_AI_GATEWAY_" + name, Integer.toString(base + offset)));
        return env;
    }

    private static String secret(Base64.Encoder encoder) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return encoder.encodeToString(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
