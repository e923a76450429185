package dev.aigw.bench.targets;

import dev.aigw.engines.ChildProcess;
import dev.aigw.engines.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Portkey's open-source gateway on Node.js, pointed at the mock through its custom-host header, as its users run it
 * ({@code npx @portkey-ai/gateway}) with the interactive console off.
 */
public final class PortkeyTarget {
    private static final Duration READY = Duration.ofSeconds(60);

    private PortkeyTarget() {
    }

    /** Installs Portkey if needed and starts it; the process is stopped by the caller. */
    public static Running start(Workspace workspace, Pinning pinning, int mockPort) {
        Path script = Installer.portkey(workspace.tools().resolve("portkey"));
        int port = Ports.freePort();
        // Portkey refuses private hosts unless they are trusted; production mode skips its console UI.
        Map<String, String> env = Map.of("NODE_ENV", "production", "TRUSTED_CUSTOM_HOSTS", "127.0.0.1,localhost");
        ChildProcess process = ChildProcess.start("portkey", pinning.wrap(List.of("node", script.toString(),
                "--port=" + port, "--headless")), env, workspace.root(), workspace.log("portkey"));
        process.awaitReady(READY, () -> Ports.isListening(port));
        String node = Installer.firstLine(List.of("node", "--version"));
        Target target = new Target("portkey", "@portkey-ai/gateway " + Installer.PORTKEY_VERSION + " on Node.js " + node,
                port, "/v1/chat/completions", Map.of("Authorization", "Bearer sk-mock", "x-portkey-provider", "openai",
                "x-portkey-custom-host", "http://127.0.0.1:" + mockPort + "/v1"), Optional.of(process.pid()));
        return new Running(target, process);
    }
}
