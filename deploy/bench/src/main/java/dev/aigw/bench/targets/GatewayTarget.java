package dev.aigw.bench.targets;

import dev.aigw.engines.ChildProcess;
import dev.aigw.engines.Health;
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
     * Starts a node in {@code mode} whose {@code openai} provider is the mock; requests carry {@code key}. With
     * {@code record}, the node writes a JFR profile to {@code logs/<mode>.jfr} as it stops.
     */
    public static Running start(Workspace workspace, Pinning pinning, AuditStack stack, int mockPort, GatewayMode mode,
                                String key, boolean record) {
        int port = Ports.freePort();
        Map<String, String> env = new HashMap<>(stack.gatewayEnv());
        env.put("CODER_AI_GATEWAY_PORT", Integer.toString(port));
        env.put("CODER_AI_GATEWAY_NODE_ID", mode.label());
        env.put("CODER_AI_GATEWAY_DATA_DIR", workspace.dir(mode.label()).toString());
        env.put("CODER_AI_GATEWAY_OPENAI_KEY", "sk-mock");
        env.put("CODER_AI_GATEWAY_OPENAI_BASE_URL", "http://127.0.0.1:" + mockPort + "/v1/");
        env.putAll(mode.env());
        List<String> command = new ArrayList<>(List.of(Jdks.currentJava().toString()));
        command.addAll(JVM_FLAGS);
        if (record) {
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + workspace.log(mode.label()).resolveSibling(mode.label() + ".jfr"));
        }
        command.addAll(List.of("-cp", Locations.serviceClasspath(workspace.root(), "ingress-gateway"),
                "dev.aigw.gateway.GatewayMain"));
        ChildProcess process = ChildProcess.start(mode.label(), pinning.wrap(command), env, workspace.root(),
                workspace.log(mode.label()));
        process.awaitReady(READY, () -> Health.ready(port));
        Target target = new Target(mode.label(), mode.description(), port, "/api/v2/aibridge/openai/v1/chat/completions",
                Map.of("Authorization", "Bearer " + key), Optional.of(process.pid()));
        return new Running(target, process);
    }
}
