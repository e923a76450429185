package dev.aigw.bench.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.engines.ChildProcess;
import dev.aigw.engines.Health;
import dev.aigw.engines.Jdks;
import dev.aigw.engines.Locations;
import dev.aigw.engines.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What our gateway records into, run by the dev stack's launcher in a state directory of its own: a real Kafka broker,
 * a real Cassandra node, the schema registry, the recorder and the query API, all on fresh free ports.
 */
public final class AuditStack implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(240);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChildProcess process;
    private final Map<String, String> env;
    private final int queryPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AuditStack(ChildProcess process, Map<String, String> env, int queryPort) {
        this.process = process;
        this.env = env;
        this.queryPort = queryPort;
    }

    /**
     * Starts every part but the gateway and waits until the recorder and the query API are ready. Nothing is measured
     * meanwhile, so the stack starts on every core, then is confined to the harness's.
     */
    public static AuditStack start(Workspace workspace, Pinning pinning) {
        Map<String, String> env = new HashMap<>();
        env.put("CODER_AI_GATEWAY_STATE_DIR", workspace.dir("stack").toString());
        env.put("CODER_AI_GATEWAY_ADMIN_TOKEN", secret(Base64.getUrlEncoder().withoutPadding()));
        env.put("CODER_AI_GATEWAY_MASTER_KEY", secret(Base64.getEncoder()));
        for (String port : List.of("KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "CASSANDRA_PORT", "CASSANDRA_STORAGE_PORT",
                "REGISTRY_PORT", "RECORDER_PORT", "QUERY_PORT")) {
            env.put("CODER_AI_GATEWAY_" + port, Integer.toString(Ports.freePort()));
        }
        List<String> command = List.of(Jdks.currentJava().toString(), "-Xmx256m",
                "-D" + Locations.ROOT_PROPERTY + "=" + workspace.root(),
                "-cp", Locations.serviceClasspath(workspace.root(), "deploy/devstack"), "dev.aigw.devstack.DevStackMain",
                "--fresh", "--only", "kafka,cassandra,schema-registry,recorder,query-api");
        ChildProcess process = ChildProcess.start("audit-stack", pinning.wrapOnAll(command), env, workspace.root(),
                workspace.log("stack"));
        AuditStack stack = new AuditStack(process, Map.copyOf(env), port(env, "QUERY_PORT"));
        int recorderPort = port(env, "RECORDER_PORT");
        process.awaitReady(READY, () -> Health.ready(stack.queryPort) && Health.ready(recorderPort));
        ProcessHandle.of(process.pid()).ifPresent(pinning::confine);
        return stack;
    }

    /** The settings a gateway node needs to join this stack. */
    public Map<String, String> gatewayEnv() {
        return Map.of("CODER_AI_GATEWAY_KAFKA_BOOTSTRAP", "127.0.0.1:" + port(env, "KAFKA_PORT"),
                "CODER_AI_GATEWAY_SCHEMA_REGISTRY_URL", "http://127.0.0.1:" + port(env, "REGISTRY_PORT"),
                "CODER_AI_GATEWAY_ADMIN_TOKEN", env.get("CODER_AI_GATEWAY_ADMIN_TOKEN"),
                "CODER_AI_GATEWAY_MASTER_KEY", env.get("CODER_AI_GATEWAY_MASTER_KEY"));
    }

    /** Issues a member's gateway key through the query API, as {@code ./aigw key create} does. */
    public String createKey(String userId) {
        String body = "{\"user_id\": \"" + userId + "\", \"username\": \"" + userId + "\", \"role\": \"member\","
                + " \"name\": \"bench\"}";
        HttpResponse<String> response = send(HttpRequest.newBuilder(query("/api/v2/keys"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("the query API did not issue a key: " + response.statusCode() + " "
                    + response.body());
        }
        try {
            return JSON.readTree(response.body()).path("key").asText();
        } catch (IOException e) {
            throw new IllegalStateException("the query API answered a key in an unexpected shape", e);
        }
    }

    /** Whether the interception is readable in the query API with its end recorded. */
    public boolean ended(String interceptionId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                query("/api/v2/aibridge/interceptions/" + interceptionId)).GET());
        if (response.statusCode() != 200) {
            return false;
        }
        try {
            JsonNode ended = JSON.readTree(response.body()).path("ended_at");
            return !ended.isMissingNode() && !ended.isNull();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        http.close();
        process.stop();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + env.get("CODER_AI_GATEWAY_ADMIN_TOKEN"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the query API: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the query API", e);
        }
    }

    private URI query(String path) {
        return URI.create("http://127.0.0.1:" + queryPort + path);
    }

    private static int port(Map<String, String> env, String name) {
        return Integer.parseInt(env.get("CODER_AI_GATEWAY_" + name));
    }

    private static String secret(Base64.Encoder encoder) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return encoder.encodeToString(bytes);
    }
}
