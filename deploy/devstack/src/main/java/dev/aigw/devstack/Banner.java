package dev.aigw.devstack;

import java.nio.file.Path;
import java.time.Duration;

/** The short block printed once the stack is ready. */
final class Banner {
    private Banner() {
    }

    static String ready(DevStackConfig config, Duration took, boolean tokenFromEnv, long residentBytes) {
        StackPorts ports = config.ports();
        String token = tokenFromEnv ? "$" + DevStackConfig.ADMIN_TOKEN : "$(cat " + relative(config, config.state().path().resolve("admin-token")) + ")";
        StringBuilder out = new StringBuilder()
                .append(config.cluster() ? "AI Gateway cluster" : "AI Gateway dev stack").append(" is ready (")
                .append(took.toMillis() / 100 / 10.0).append(" s; ").append(residentBytes / (1024 * 1024))
                .append(" MB resident, every process summed)\n");
        line(out, config, Part.GATEWAY, "gateway", "http://127.0.0.1:" + ports.gateway() + nodes(config, Part.GATEWAY));
        line(out, config, Part.QUERY, "query API", "http://127.0.0.1:" + ports.query() + nodes(config, Part.QUERY));
        line(out, config, Part.RECORDER, "recorder", "http://127.0.0.1:" + ports.recorder() + "/health/ready" + nodes(config, Part.RECORDER));
        line(out, config, Part.SIEM, "SIEM topic", "aigw.siem.v1 (JSON, docs/siem.md); health on http://127.0.0.1:"
                + ports.siem() + "/health/ready");
        line(out, config, Part.REGISTRY, "registry", "http://127.0.0.1:" + ports.registry());
        line(out, config, Part.KAFKA, "Kafka", config.kafkaBootstrap());
        line(out, config, Part.CASSANDRA, "Cassandra", config.cassandraContactPoints() + " (datacenter1)");
        out.append(String.format("  %-11s %s/<part>.log%n", "logs", relative(config, config.state().logs())));
        out.append(String.format("  %-11s %s%n", "admin token", tokenFromEnv
                ? "from " + DevStackConfig.ADMIN_TOKEN : relative(config, config.state().path().resolve("admin-token"))));
        if (config.parts().contains(Part.GATEWAY)) {
            out.append("Point Claude Code at the gateway:\n  ANTHROPIC_BASE_URL=http://127.0.0.1:").append(ports.gateway())
                    .append("/api/v2/aibridge/anthropic ANTHROPIC_AUTH_TOKEN=").append(token).append(" claude\n");
        }
        return out.append("Ctrl-C stops everything (or ./aigw down from another terminal).").toString();
    }

    // In a cluster: which nodes stand behind the address, and where each listens.
    private static String nodes(DevStackConfig config, Part part) {
        if (!config.cluster()) {
            return "";
        }
        int count = config.nodes(part);
        String via = part == Part.RECORDER ? "" : " via the balancer";
        return via + "; " + config.name(part, 1) + ".." + count + " on " + config.ports().node(part, 1, true) + "-"
                + config.ports().node(part, count, true);
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
