package dev.aigw.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.gateway.Gateway;
import dev.aigw.gateway.config.GatewayConfig;
import dev.aigw.query.QueryApi;
import dev.aigw.query.config.QueryConfig;
import dev.aigw.recorder.Recorder;
import dev.aigw.recorder.config.RecorderConfig;
import dev.aigw.control.MasterKey;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.StackEnv;
import dev.aigw.testkit.fixtures.FakeUpstream;
import dev.aigw.testkit.fixtures.Txtar;
import dev.aigw.testkit.logs.LogCapture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The system under attack, started once for every test class of the suite: a gateway with three providers (Anthropic,
 * OpenAI chat completions, OpenAI responses), each in front of a fake provider that is always up; the recorder and the
 * query API, all in this JVM on the shared Kafka, registry and Cassandra. API dumps and structured logging are on and
 * every log record is captured from before the first service starts, so the sweep at the end sees all of them.
 * Members alice (who sends the hostile requests) and bob (whose ordinary requests are the canary), and auditor carol.
 */
final class HostileStack implements BeforeAllCallback {
    static final String ANTHROPIC = "anthropic";
    static final String OPENAI = "openai";
    static final String RESPONSES = "openai-responses";
    /** Small enough that sending past it is cheap, large enough for a prompt over Kafka's 1 MB record limit. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HostileStack.class);
    private static Running running;

    /** What runs, and every secret it was given or handed out, by a name for reports. */
    record Running(Gateway gateway, Recorder recorder, QueryApi query, List<FakeUpstream> upstreams, LogCapture logs,
                   Path dumps, Map<String, String> env, Map<String, String> keys, Map<String, String> secrets)
            implements AutoCloseable {
        @Override
        public void close() {
            for (AutoCloseable c : List.<AutoCloseable>of(gateway, query, recorder, logs)) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("close failed: " + e);
                }
            }
            upstreams.forEach(FakeUpstream::close);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, k -> start(), Running.class);
    }

    static Running running() {
        return running;
    }

    static String adminToken() {
        return running.env().get("CODER_AI_GATEWAY_ADMIN_TOKEN");
    }

    /** The gateway key of alice, bob or carol. */
    static String key(String person) {
        return running.keys().get(person);
    }

    private static synchronized Running start() {
        LogCapture logs = LogCapture.root();
        String token = UUID.randomUUID().toString().replace("-", "");
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("admin token", "admin-token-hostile-" + token);
        secrets.put("Anthropic provider key", "sk-ant-hostile-provider-" + token);
        secrets.put("OpenAI provider key", "sk-openai-hostile-provider-" + token);
        secrets.put("BYOK token", "sk-byok-hostile-" + token);
        secrets.put("master key", MasterKey.generate());

        List<FakeUpstream> upstreams = List.of(FakeUpstream.replaying(Txtar.fixture("anthropic/simple.txtar")),
                FakeUpstream.replaying(Txtar.fixture("openai/chatcompletions/simple.txtar")),
                FakeUpstream.replaying(responsesFixture()));
        Map<String, String> env = StackEnv.create(3);
        env.put("CODER_AI_GATEWAY_ADMIN_TOKEN", secrets.get("admin token"));
        env.put("CODER_AI_GATEWAY_MASTER_KEY", secrets.get("master key"));
        env.put("CODER_AI_GATEWAY_QUERY_COUNT_KEEP", "0s");
        Recorder recorder = Recorder.start(RecorderConfig.fromEnv(env));
        QueryApi query = QueryApi.start(QueryConfig.fromEnv(env));

        Path dumps = Path.of(StackEnv.tempDirectory("hostile-dumps"));
        Map<String, String> gatewayEnv = new HashMap<>(env);
        gatewayEnv.put("CODER_AI_GATEWAY_DATA_DIR", StackEnv.tempDirectory("gateway-spool"));
        gatewayEnv.put("CODER_AI_GATEWAY_DUMP_DIR", dumps.toString());
        gatewayEnv.put("CODER_AI_GATEWAY_STRUCTURED_LOGGING", "true");
        gatewayEnv.put("CODER_AI_GATEWAY_MAX_BODY_BYTES", Integer.toString(MAX_BODY_BYTES));
        provider(gatewayEnv, 0, "anthropic", ANTHROPIC, upstreams.get(0), secrets.get("Anthropic provider key"));
        provider(gatewayEnv, 1, "openai", OPENAI, upstreams.get(1), secrets.get("OpenAI provider key"));
        provider(gatewayEnv, 2, "openai", RESPONSES, upstreams.get(2), secrets.get("OpenAI provider key"));
        Gateway gateway = Gateway.start(GatewayConfig.fromEnv(gatewayEnv));

        Map<String, String> keys = new LinkedHashMap<>();
        for (String[] person : new String[][] {{"alice", "member"}, {"bob", "member"}, {"carol", "auditor"}}) {
            String key = issue(query.port(), secrets.get("admin token"), person[0], person[1]);
            keys.put(person[0], key);
            secrets.put("gateway key secret of " + person[0], secretOf(key));
            // The gateway follows the key topic: wait until it knows the key.
            RealStack.await(Duration.ofSeconds(30), () -> Http.send(gateway.port(), "GET",
                    "/api/v2/aibridge/" + ANTHROPIC + "/v1/models", Map.of("Authorization", "Bearer " + key), (String) null)
                    .status() == 200 ? true : null);
        }
        running = new Running(gateway, recorder, query, upstreams, logs, dumps, env, Map.copyOf(keys), secrets);
        return running;
    }

    // The Responses fixtures come as one blocking and one streaming archive; the fake provider needs both answers.
    private static Txtar responsesFixture() {
        Txtar blocking = Txtar.fixture("openai/responses/blocking/simple.txtar");
        Txtar streaming = Txtar.fixture("openai/responses/streaming/simple.txtar");
        return new Txtar("", Map.of("request", blocking.required("request"),
                "non-streaming", blocking.required("non-streaming"), "streaming", streaming.required("streaming")));
    }

    private static void provider(Map<String, String> env, int index, String type, String name, FakeUpstream upstream,
                                 String key) {
        String at = "CODER_AI_GATEWAY_PROVIDER_" + index + "_";
        env.put(at + "TYPE", type);
        env.put(at + "NAME", name);
        env.put(at + "BASE_URL", upstream.url().toString());
        env.put(at + "KEY", key);
    }

    private static String issue(int port, String admin, String person, String role) {
        Answer created = Http.send(port, "POST", "/api/v2/keys", Map.of("Authorization", "Bearer " + admin),
                "{\"user_id\":\"" + person + "\",\"username\":\"" + person + "\",\"role\":\"" + role + "\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("key").asText();
    }

    // Keys are aigw_<24 hex id>_<43 base64url secret>; the secret may hold '_' itself, so it is cut by position.
    private static String secretOf(String key) {
        String secret = key.substring("aigw_".length() + 24 + 1);
        assertThat(secret).hasSize(43);
        return secret;
    }
}
