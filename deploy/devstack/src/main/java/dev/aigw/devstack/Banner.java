package dev.aigw.devstack;

import java.nio.file.Path;
import java.time.Duration;

/** The short block printed once the stack is ready. */
final class Banner {
    private Banner() {
    }

    static String ready(DevStackConfig config, Duration took, boolean tokenFromEnv) {
        StackPorts ports = config.ports();
        String token = tokenFromEnv ? "$" + DevStackConfig.ADMIN_TOKEN : "$(cat " + relative(config, config.state().path().resolve("admin-token")) + ")";
        StringBuilder out = new StringBuilder()
                .append("AI Gateway dev stack is ready (").append(took.toMillis() / 100 / 10.0).append(" s)\n");
        line(out, config, Part.GATEWAY, "gateway", "http://127.0.0.1:" + ports.gateway());
        line(out, config, Part.QUERY, "query API", "http://127.0.0.1:" + ports.query());
        line(out, config, Part.RECORDER, "recorder", "http://127.0.0.1:" + ports.recorder() + "/health/ready");
        line(out, config, Part.REGISTRY, "registry", "http://127.0.0.1:" + ports.registry());
        line(out, config, Part.KAFKA, "Kafka", "127.0.0.1:" + ports.kafka());
        line(out, config, Part.CASSANDRA, "Cassandra", "127.0.0.1:" + ports.cassandra() + " (datacenter1)");
        out.append(String.format("  %-11s %s/<part>.log%n", "logs", relative(config, config.state().logs())));
        out.append(String.format("  %-11s %s%n", "admin token", tokenFromEnv
                ? "from " + DevStackConfig.ADMIN_TOKEN : relative(config, config.state().path().resolve("admin-token"))));
        if (config.parts().contains(Part.GATEWAY)) {
            out.append("Point Claude Code at the gateway:\n  ANTHROPIC_BASE_URL=http://127.0.0.1:").append(ports.gateway())
                    .append("/api/v2/aibridge/anthropic ANTHROPIC_AUTH_TOKEN=").append(token).append(" claude\n");
        }
        return out.append("Ctrl-C stops everything (or ./aigw down from another terminal).").toString();
    }

    private static void line(StringBuilder out, DevStackConfig config, Part part, String label, String where) {
        if (config.parts().contains(part)) {
            out.append(String.format("  %-11s %s%n", label, where));
        }
    }

    private static Path relative(DevStackConfig config, Path path) {
        return config.root().relativize(path);
    }
}
