package dev.aigw.bench.targets;

import java.util.Map;

/** The three ways the harness runs a node of our gateway. */
public enum GatewayMode {
    /**
     * Every event produced to the real broker, to a topic no recorder reads: the recorder catching up on a load run
     * would otherwise take the core the load generator and the mock share, and slow every target measured after it.
     */
    AUDIT_ON("gateway-audit-on", "our gateway, every event produced to the broker (acks=all) on a topic of its own",
            Map.of("CODER_AI_GATEWAY_INTERCEPTIONS_TOPIC", "aigw.bench.interceptions.v1")),
    /** Events built, then dropped: what the proxy costs without the audit. */
    AUDIT_OFF("gateway-audit-off", "our gateway with AUDIT_EVENTS=discard: events built, then dropped",
            Map.of("CODER_AI_GATEWAY_AUDIT_EVENTS", "discard")),
    /** Producing to the topic the recorder reads, for the audit delay alone. */
    RECORDED("gateway-recorded", "our gateway producing to the recorded topic", Map.of());

    private final String label;
    private final String description;
    private final Map<String, String> env;

    GatewayMode(String label, String description, Map<String, String> env) {
        this.label = label;
        this.description = description;
        this.env = env;
    }

    /** The name a row, a log and a data directory get. */
    public String label() {
        return label;
    }

    String description() {
        return description;
    }

    Map<String, String> env() {
        return env;
    }
}
