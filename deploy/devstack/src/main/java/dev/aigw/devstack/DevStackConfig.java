package dev.aigw.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.aigw.engines.CassandraNode;
import dev.aigw.engines.Locations;

/**
 * What {@code ./aigw up} was asked for, read once from the arguments and the environment.
 *
 * @param root  the repository root; children run there
 * @param state the {@code .aigw/} directory
 * @param fresh whether to wipe the state first
 * @param parts the parts to run ({@code --only}), in start order
 * @param ports every part's port
 * @param env   the environment the stack was started with; its variables override the stack's defaults
 */
record DevStackConfig(Path root, StateDir state, boolean fresh, Set<Part> parts, StackPorts ports, Map<String, String> env) {
    static final String ADMIN_TOKEN = "CODER_AI_GATEWAY_ADMIN_TOKEN";
    static final String MASTER_KEY = "CODER_AI_GATEWAY_MASTER_KEY";
    /** Where the state lives instead of {@code .aigw/}: the benchmark runs its own stack beside a developer's. */
    static final String STATE_DIR = "CODER_AI_GATEWAY_STATE_DIR";

    private static final String USAGE = "usage: DevStackMain [--fresh] [--only part,part,...]";

    /** Parses the arguments and reads the environment, failing with one line per problem. */
    static DevStackConfig from(List<String> args, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        boolean fresh = false;
        Set<Part> parts = EnumSet.allOf(Part.class);
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--fresh" -> fresh = true;
                case "--only" -> {
                    if (i + 1 == args.size()) {
                        problems.add("--only needs a comma-separated list of parts");
                    } else {
                        parts = parseParts(args.get(++i), problems);
                    }
                }
                default -> problems.add("unknown argument '" + args.get(i) + "'; " + USAGE);
            }
        }
        StackPorts ports = StackPorts.from(env, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid dev stack configuration:\n  " + String.join("\n  ", problems));
        }
        Path root = Locations.repositoryRoot();
        Path state = env.containsKey(STATE_DIR) ? Path.of(env.get(STATE_DIR)).toAbsolutePath() : root.resolve(".aigw");
        return new DevStackConfig(root, new StateDir(state), fresh, parts, ports, Map.copyOf(env));
    }

    private static Set<Part> parseParts(String list, List<String> problems) {
        Set<Part> parts = EnumSet.noneOf(Part.class);
        for (String label : list.split(",")) {
            try {
                parts.add(Part.of(label));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return parts;
    }

    /** The JVM services in start order, with the environment each gets unless the user's environment says otherwise. */
    List<Service> services(String adminToken, String masterKey) {
        Map<String, String> kafka = Map.of("CODER_AI_GATEWAY_KAFKA_BOOTSTRAP", "127.0.0.1:" + ports.kafka());
        Map<String, String> registry = Map.of("CODER_AI_GATEWAY_SCHEMA_REGISTRY_URL", "http://127.0.0.1:" + ports.registry());
        Map<String, String> cassandra = Map.of(
                "CODER_AI_GATEWAY_CASSANDRA_CONTACT_POINTS", "127.0.0.1:" + ports.cassandra(),
                "CODER_AI_GATEWAY_CASSANDRA_LOCAL_DC", CassandraNode.LOCAL_DC,
                "CODER_AI_GATEWAY_CASSANDRA_KEYSPACE", "aigw");
        Map<String, String> secrets = Map.of(ADMIN_TOKEN, adminToken, MASTER_KEY, masterKey);
        return List.of(
                new Service(Part.REGISTRY, "deploy/schema-registry", "dev.aigw.registry.RegistryMain", ports.registry(),
                        merge(kafka, Map.of(StackPorts.REGISTRY, Integer.toString(ports.registry())))),
                new Service(Part.RECORDER, "recorder-streams", "dev.aigw.recorder.RecorderMain", ports.recorder(),
                        merge(kafka, registry, cassandra, secrets, Map.of(StackPorts.RECORDER, Integer.toString(ports.recorder()),
                                "CODER_AI_GATEWAY_DATA_DIR", state.data("recorder").toString()))),
                new Service(Part.QUERY, "query-api", "dev.aigw.query.QueryMain", ports.query(),
                        merge(kafka, registry, cassandra, secrets, Map.of(StackPorts.QUERY, Integer.toString(ports.query())))),
                new Service(Part.GATEWAY, "ingress-gateway", "dev.aigw.gateway.GatewayMain", ports.gateway(),
                        merge(kafka, registry, secrets, Map.of(StackPorts.GATEWAY, Integer.toString(ports.gateway()),
                                "CODER_AI_GATEWAY_DATA_DIR", state.data("gateway").toString()))));
    }

    @SafeVarargs
    private static Map<String, String> merge(Map<String, String>... maps) {
        return Arrays.stream(maps).flatMap(map -> map.entrySet().stream())
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
