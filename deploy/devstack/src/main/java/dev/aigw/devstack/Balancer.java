package dev.aigw.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.aigw.engines.ChildProcess;

/**
 * HAProxy in front of a cluster's gateways and query API nodes, on the ports clients use alone. A node is sent
 * requests only while its {@code /health/ready} answers 200; a stopping gateway closes its listener, so its check fails
 * and a new request whose connection is refused goes to another node.
 */
final class Balancer {
    /** Environment variable naming the haproxy binary; else it is looked up on the PATH and in /usr/sbin. */
    static final String BINARY = "CODER_AI_GATEWAY_HAPROXY";

    private Balancer() {
    }

    /** One frontend: a name, the port it listens on, and the ports of its backends' nodes. */
    record Frontend(String name, int port, List<Backend> nodes) {
    }

    /** A node behind a frontend. */
    record Backend(String name, int port) {
    }

    /**
     * The configuration: round robin, checked with an HTTP/1.1 request (the services refuse HTTP/1.0, HAProxy's default), health checked every second (down after 2 failures, up after 2 passes), and
     * server timeouts long enough for a streamed completion. A request whose connection to a node fails is sent to
     * another ({@code redispatch}); one already sent is never resent.
     */
    static String config(List<Frontend> frontends) {
        StringBuilder out = new StringBuilder("""
                global
                    maxconn 4096
                defaults
                    mode http
                    option redispatch
                    retries 2
                    timeout connect 2s
                    timeout client 10m
                    timeout server 10m
                    timeout http-request 30s
                """);
        for (Frontend frontend : frontends) {
            out.append("""
                    frontend %1$s
                        bind 127.0.0.1:%2$d
                        default_backend %1$s-nodes
                    backend %1$s-nodes
                        balance roundrobin
                        option httpchk
                        http-check send meth GET uri /health/ready ver HTTP/1.1 hdr Host 127.0.0.1
                        http-check expect status 200
                        default-server inter 1s fall 2 rise 2
                    """.formatted(frontend.name(), frontend.port()));
            for (Backend node : frontend.nodes()) {
                out.append("    server %s 127.0.0.1:%d check%n".formatted(node.name(), node.port()));
            }
        }
        return out.toString();
    }

    /** Writes the configuration to {@code file} and starts haproxy in the foreground on it. */
    static ChildProcess start(Path file, List<Frontend> frontends, Path log, Path workDir, Map<String, String> env) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, config(frontends));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ChildProcess.start("balancer", List.of(binary(env).toString(), "-db", "-f", file.toString()), Map.of(), workDir, log);
    }

    private static Path binary(Map<String, String> env) {
        if (env.containsKey(BINARY)) {
            return Path.of(env.get(BINARY));
        }
        Stream<Path> path = Stream.of(env.getOrDefault("PATH", "").split(":")).filter(dir -> !dir.isEmpty()).map(Path::of);
        Optional<Path> found = Stream.concat(path, Stream.of(Path.of("/usr/sbin")))
                .map(dir -> dir.resolve("haproxy"))
                .filter(Files::isExecutable)
                .findFirst();
        return found.orElseThrow(() -> new IllegalStateException("the cluster's balancer needs haproxy: ./aigw up --cluster"
                + " installs it (apt-get install -y haproxy); or set " + BINARY + " to its binary"));
    }
}
