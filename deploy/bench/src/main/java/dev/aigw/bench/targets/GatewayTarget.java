package dev.aigw.bench.targets;

import dev.aigw.engines.ChildProcess;
import dev.aigw.engines.Jdks;
import dev.aigw.engines.Locations;
import dev.aigw.engines.Ports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One node of our gateway, in a JVM of its own on the target cores, joined to the audit stack. */
public final class GatewayTarget {
    /** The node's JVM flags, stated in the report. */
    public static final List<String> JVM_FLAGS = List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC",
            "--enable-native-access=ALL-UNNAMED");

    private static final Duration READY = Duration.ofSeconds(90);

    private GatewayTarget() {
    }

    /**
     * Starts a node whose {@code openai} provider is the mock.
     *
     * @param audit {@code true}: events are produced to the broker; {@code false}: {@code AUDIT_EVENTS=discard}
     * @param key   the gateway key requests carry
     */
    public static Running start(Workspace workspace, Pinning pinning, AuditStack stack, int mockPort, boolean audit,
                                String key) {
        String name = audit ? "gateway-audit-on" : "gateway-audit-off";
        int port = Ports.freePort();
        Map<String, String> env = new HashMap<>(stack.gatewayEnv());
        env.put("CODER_AI_GATEWAY_PORT", Integer.toString(port));
        env.put("CODER_AI_GATEWAY_NODE_ID", name);
        env.put("CODER_AI_GATEWAY_DATA_DIR", workspace.dir(name).toString());
        env.put("CODER_AI_GATEWAY_OPENAI_KEY", "sk-mock");
        env.put("CODER_AI_GATEWAY_OPENAI_BASE_URL", "http://127.0.0.1:" + mockPort + "/v1/");
        env.put("CODER_AI_GATEWAY_AUDIT_EVENTS", audit ? "kafka" : "discard");
        List<String> command = new ArrayList<>(List.of(Jdks.currentJava().toString()));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", Locations.serviceClasspath(workspace.root(), "ingress-gateway"),
                "dev.aigw.gateway.GatewayMain"));
        ChildProcess process = ChildProcess.start(name, pinning.wrap(command), env, workspace.root(), workspace.log(name));
        process.awaitReady(READY, () -> Health.ready(port));
        String description = audit ? "our gateway, every event produced to the broker (acks=all, spool on disk)"
                : "our gateway with AUDIT_EVENTS=discard: events built, then dropped";
        Target target = new Target(name, description, port, "/api/v2/aibridge/openai/v1/chat/completions",
                Map.of("Authorization", "Bearer " + key), Optional.of(process.pid()));
        return new Running(target, process);
    }
}
