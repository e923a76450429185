package dev.aigw.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.events.v1.InterceptionEnded;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.gateway.Gateway;
import dev.aigw.gateway.config.GatewayConfig;
import dev.aigw.control.MasterKey;
import dev.aigw.testkit.OwnKafka;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.fixtures.FakeUpstream;
import dev.aigw.testkit.fixtures.Txtar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real gateway node on the test kit's (or the test's own) Kafka and the kit's registry, with providers
 * {@code anthropic}, {@code openai} and {@code copilot} on one fake upstream, and a consumer of its own interceptions
 * topic. For integration tests that talk to the gateway over HTTP and read what it recorded back from Kafka.
 */
public final class LiveGateway implements AutoCloseable {
    /** The centralized Anthropic key the gateway sends upstream. */
    public static final String ANTHROPIC_KEY = "sk-ant-central-key-0123456789";
    /** The centralized OpenAI key the gateway sends upstream. */
    public static final String OPENAI_KEY = "sk-openai-central-key-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String admin = "admin-" + UUID.randomUUID();
    private final FakeUpstream upstream;
    private final Gateway gateway;
    private final TopicReader events;
    private final String topic;
    private final Path dataDir;

    private LiveGateway(String bootstrap, Consumer<String> createTopic, Map<String, String> extraEnv) {
        topic = RealStack.unique("interceptions");
        createTopic.accept(topic);
        upstream = FakeUpstream.replaying(Txtar.fixture("anthropic/simple.txtar"));
        dataDir = temporaryDirectory();
        Map<String, String> env = environment(bootstrap, topic, admin, upstream.url());
        env.put("CODER_AI_GATEWAY_DATA_DIR", dataDir.toString());
        env.putAll(extraEnv);
        gateway = Gateway.start(GatewayConfig.fromEnv(env));
        events = new TopicReader(bootstrap, topic);
    }

    /** Starts a node on the test kit's broker; {@code extraEnv} adds to or overrides the default environment. */
    public static LiveGateway start(Map<String, String> extraEnv) {
        return new LiveGateway(RealStack.kafkaBootstrap(), topic -> RealStack.createTopics(1, topic), extraEnv);
    }

    /** Starts a node on a broker of the test's own, which the test may stop and restart. */
    public static LiveGateway start(OwnKafka kafka, Map<String, String> extraEnv) {
        return new LiveGateway(kafka.bootstrap(), topic -> kafka.createTopics(1, topic), extraEnv);
    }

    /**
     * The environment of a test node on {@code bootstrap} recording to {@code topic}, with fresh control topics and
     * master key, any free port, {@code admin} as bootstrap admin token, and the providers {@code anthropic},
     * {@code openai} and {@code copilot} on {@code upstream}.
     */
    public static Map<String, String> environment(String bootstrap, String topic, String admin, URI upstream) {
        Map<String, String> env = new HashMap<>();
        env.put("CODER_AI_GATEWAY_KAFKA_BOOTSTRAP", bootstrap);
        env.put("CODER_AI_GATEWAY_SCHEMA_REGISTRY_URL", RealStack.schemaRegistryUrl().toString());
        env.put("CODER_AI_GATEWAY_INTERCEPTIONS_TOPIC", topic);
        env.put("CODER_AI_GATEWAY_CONTROL_KEYS_TOPIC", RealStack.unique("keys"));
        env.put("CODER_AI_GATEWAY_CONTROL_PROVIDERS_TOPIC", RealStack.unique("providers"));
        env.put("CODER_AI_GATEWAY_ADMIN_TOKEN", admin);
        env.put("CODER_AI_GATEWAY_MASTER_KEY", MasterKey.generate());
        env.put("CODER_AI_GATEWAY_PORT", "0");
        env.put("CODER_AI_GATEWAY_PROVIDER_0_TYPE", "anthropic");
        env.put("CODER_AI_GATEWAY_PROVIDER_0_BASE_URL", upstream.toString());
        env.put("CODER_AI_GATEWAY_PROVIDER_0_KEY", ANTHROPIC_KEY);
        env.put("CODER_AI_GATEWAY_PROVIDER_1_TYPE", "openai");
        env.put("CODER_AI_GATEWAY_PROVIDER_1_BASE_URL", upstream + "/v1");
        env.put("CODER_AI_GATEWAY_PROVIDER_1_KEY", OPENAI_KEY);
        env.put("CODER_AI_GATEWAY_PROVIDER_2_TYPE", "copilot");
        env.put("CODER_AI_GATEWAY_PROVIDER_2_BASE_URL", upstream.toString());
        return env;
    }

    /** The bootstrap admin token, which is also a valid gateway key. */
    public String admin() {
        return admin;
    }

    /** The fake provider behind every configured provider. */
    public FakeUpstream upstream() {
        return upstream;
    }

    /** The node's URL for a path under the bridge, e.g. {@code /anthropic/v1/messages}. */
    public URI bridge(String path) {
        return URI.create("http://127.0.0.1:" + gateway.port() + "/api/v2/aibridge" + path);
    }

    /** The node's root URL, e.g. {@code http://127.0.0.1:PORT}. */
    public URI root() {
        return URI.create("http://127.0.0.1:" + gateway.port());
    }

    /** POSTs JSON to a bridge path with the admin key as centralized credential. */
    public HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(bridge(path))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends any request to the node. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("gateway did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The payloads recorded for the answered interception, read from the topic up to its end event. */
    public List<Object> eventsOf(HttpResponse<?> answer) {
        return eventsOf(answer.headers().firstValue("X-AI-Gateway-Interception-Id").orElseThrow(
                () -> new AssertionError("no interception id in " + answer.headers().map())));
    }

    /** The payloads recorded for interception {@code id}, read from the topic up to its end event. */
    public List<Object> eventsOf(String id) {
        List<Object> payloads = payloads(events.readUntil(Duration.ofSeconds(20), read -> payloads(read, id).stream()
                .anyMatch(InterceptionEnded.class::isInstance)), id);
        assertThat(payloads).as("events of " + id + ": " + payloads).isNotEmpty().last().isInstanceOf(InterceptionEnded.class);
        return payloads;
    }

    /**
     * Ids of every interception read from the topic so far. Reading {@link #eventsOf} a later interception first
     * makes this complete up to it, as the topic has one partition.
     */
    public Set<String> interceptionIds() {
        return events.readUntil(Duration.ZERO, read -> true).stream().map(InterceptionEvent::getInterceptionId)
                .collect(Collectors.toSet());
    }

    /** The node itself. */
    public Gateway node() {
        return gateway;
    }

    /** The node's interceptions topic. */
    public String topic() {
        return topic;
    }

    /** The node's data directory, which holds its spool. */
    public Path dataDir() {
        return dataDir;
    }

    /** The reader of the node's interceptions topic. */
    public TopicReader events() {
        return events;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("aigw-gateway-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> payloads(List<InterceptionEvent> read, String id) {
        return read.stream().filter(e -> e.getInterceptionId().equals(id)).map(InterceptionEvent::getPayload).toList();
    }

    @Override
    public void close() {
        gateway.close();
        events.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        upstream.close();
    }
}
