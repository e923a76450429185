package dev.aigw.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.aigw.engines.CassandraNode;
import dev.aigw.engines.CassandraRing;
import dev.aigw.engines.Locations;

/**
 * What {@code ./aigw up} was asked for, read once from the arguments and the environment.
 *
 * @param root  the repository root; children run there
 * @param state the {@code .aigw/} directory
 * @param fresh whether to wipe the state first
 * @param cluster whether to run the production shape ({@code --cluster}): several nodes of each part and a balancer
 * @param parts the parts to run ({@code --only}), in start order
 * @param ports every part's port
 * @param env   the environment the stack was started with; its variables override the stack's defaults
 */
record DevStackConfig(Path root, StateDir state, boolean fresh, boolean cluster, Set<Part> parts, StackPorts ports, Map<String, String> env) {
    static final String ADMIN_TOKEN = "CODER_AI_GATEWAY_ADMIN_TOKEN";
    static final String MASTER_KEY = "CODER_AI_GATEWAY_MASTER_KEY";
    static final String AUDIT_SIGNING_KEY = "CODER_AI_GATEWAY_AUDIT_SIGNING_KEY";
    /** Where the state lives instead of {@code .aigw/}: the benchmark runs its own stack beside a developer's. */
    static final String STATE_DIR = "CODER_AI_GATEWAY_STATE_DIR";

    /** The replication every part gets in a cluster: three copies, writes acknowledged by two. */
    static final Map<String, String> CLUSTER_REPLICATION = Map.of(
            "CODER_AI_GATEWAY_KAFKA_REPLICATION_FACTOR", "3",
            "CODER_AI_GATEWAY_KAFKA_MIN_INSYNC_REPLICAS", "2",
            "CODER_AI_GATEWAY_REGISTRY_REPLICATION", "3",
            "CODER_AI_GATEWAY_CASSANDRA_REPLICATION", "{'class': 'NetworkTopologyStrategy', '" + CassandraNode.LOCAL_DC + "': 3}",
            "CODER_AI_GATEWAY_CASSANDRA_READ_CONSISTENCY", "LOCAL_QUORUM",
            "CODER_AI_GATEWAY_CASSANDRA_WRITE_CONSISTENCY", "LOCAL_QUORUM");

    private static final String USAGE = "usage: DevStackMain [--fresh] [--cluster | --only part,part,...]";

    /** Parses the arguments and reads the environment, failing with one line per problem. */
    static DevStackConfig from(List<String> args, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        boolean fresh = false;
        boolean cluster = false;
        boolean only = false;
        Set<Part> parts = EnumSet.allOf(Part.class);
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--fresh" -> fresh = true;
                case "--cluster" -> cluster = true;
                case "--only" -> {
                    only = true;
                    if (i + 1 == args.size()) {
                        problems.add("--only needs a comma-separated list of parts");
                    } else {
                        parts = parseParts(args.get(++i), problems);
                    }
                }
                default -> problems.add("unknown argument '" + args.get(i) + "'; " + USAGE);
            }
        }
        if (cluster && only) {
            problems.add("--cluster runs every part; it does not take --only");
        }
        StackPorts ports = StackPorts.from(env, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid dev stack configuration:\n  " + String.join("\n  ", problems));
        }
        Path root = Locations.repositoryRoot();
        Path state = env.containsKey(STATE_DIR) ? Path.of(env.get(STATE_DIR)).toAbsolutePath() : root.resolve(".aigw");
        return new DevStackConfig(root, new StateDir(state), fresh, cluster, parts, ports, Map.copyOf(env));
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

    /** How many nodes of {@code part} run: one each, or in a cluster 3 brokers, 3 Cassandra nodes, 2 recorders (one application id), 2 query APIs, 3 gateways, 1 SIEM stream. */
    int nodes(Part part) {
        if (!cluster) {
            return 1;
        }
        return switch (part) {
            case KAFKA, CASSANDRA, GATEWAY -> 3;
            case RECORDER, QUERY -> 2;
            case REGISTRY, SIEM -> 1;
        };
    }

    /** The name of node {@code n} of {@code part}: the label alone, or with the node number when there can be several. */
    String name(Part part, int n) {
        return cluster && nodes(part) > 1 ? part.label() + "-" + n : part.label();
    }

    /** Every broker's address, comma-separated. */
    String kafkaBootstrap() {
        return IntStream.rangeClosed(1, nodes(Part.KAFKA))
                .mapToObj(n -> "127.0.0.1:" + ports.node(Part.KAFKA, n, cluster))
                .collect(Collectors.joining(","));
    }

    /** Every Cassandra node's address, comma-separated: 127.0.0.n in a cluster, all on one port. */
    String cassandraContactPoints() {
        return IntStream.rangeClosed(1, nodes(Part.CASSANDRA))
                .mapToObj(n -> CassandraRing.address(n) + ":" + ports.cassandra())
                .collect(Collectors.joining(","));
    }

    /** The JVM services in start order, with the environment each gets unless the user's environment says otherwise. */
    List<Service> services(StackSecrets keys) {
        Map<String, String> kafka = merge(Map.of("CODER_AI_GATEWAY_KAFKA_BOOTSTRAP", kafkaBootstrap()),
                cluster ? CLUSTER_REPLICATION : Map.of());
        Map<String, String> registry = Map.of("CODER_AI_GATEWAY_SCHEMA_REGISTRY_URL", "http://127.0.0.1:" + ports.registry());
        Map<String, String> cassandra = Map.of(
                "CODER_AI_GATEWAY_CASSANDRA_CONTACT_POINTS", cassandraContactPoints(),
                "CODER_AI_GATEWAY_CASSANDRA_LOCAL_DC", CassandraNode.LOCAL_DC,
                "CODER_AI_GATEWAY_CASSANDRA_KEYSPACE", "aigw");
        Map<String, String> secrets = Map.of(ADMIN_TOKEN, keys.adminToken(), MASTER_KEY, keys.masterKey());
        // The recorder signs the audit chain and the query API verifies it; the gateway never needs the key.
        Map<String, String> signing = Map.of(AUDIT_SIGNING_KEY, keys.signingKey());
        List<Service> services = new ArrayList<>();
        services.add(new Service(name(Part.REGISTRY, 1), Part.REGISTRY, "deploy/schema-registry", "dev.aigw.registry.RegistryMain",
                ports.registry(), Map.of(StackPorts.REGISTRY, Integer.toString(ports.registry())), kafka));
        for (int n = 1; n <= nodes(Part.RECORDER); n++) {
            int port = ports.node(Part.RECORDER, n, cluster);
            services.add(new Service(name(Part.RECORDER, n), Part.RECORDER, "recorder-streams", "dev.aigw.recorder.RecorderMain", port,
                    Map.of(StackPorts.RECORDER, Integer.toString(port),
                            "CODER_AI_GATEWAY_DATA_DIR", state.data(name(Part.RECORDER, n)).toString()),
                    merge(kafka, registry, cassandra, secrets, signing)));
        }
        for (int n = 1; n <= nodes(Part.QUERY); n++) {
            int port = ports.node(Part.QUERY, n, cluster);
            services.add(new Service(name(Part.QUERY, n), Part.QUERY, "query-api", "dev.aigw.query.QueryMain", port,
                    Map.of(StackPorts.QUERY, Integer.toString(port)), merge(kafka, registry, cassandra, secrets, signing)));
        }
        for (int n = 1; n <= nodes(Part.GATEWAY); n++) {
            int port = ports.node(Part.GATEWAY, n, cluster);
            services.add(new Service(name(Part.GATEWAY, n), Part.GATEWAY, "ingress-gateway", "dev.aigw.gateway.GatewayMain", port,
                    Map.of(StackPorts.GATEWAY, Integer.toString(port),
                            "CODER_AI_GATEWAY_DATA_DIR", state.data(name(Part.GATEWAY, n)).toString()),
                    merge(kafka, registry, secrets)));
        }
        // One instance even in a cluster: it is one Streams application, and more would only share the partitions.
        services.add(new Service(name(Part.SIEM, 1), Part.SIEM, "siem-stream", "dev.aigw.siem.SiemMain", ports.siem(),
                Map.of(StackPorts.SIEM, Integer.toString(ports.siem()),
                        "CODER_AI_GATEWAY_DATA_DIR", state.data(name(Part.SIEM, 1)).toString()),
                merge(kafka, registry)));
        return List.copyOf(services);
    }

    @SafeVarargs
    private static Map<String, String> merge(Map<String, String>... maps) {
        return Arrays.stream(maps).flatMap(map -> map.entrySet().stream())
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
