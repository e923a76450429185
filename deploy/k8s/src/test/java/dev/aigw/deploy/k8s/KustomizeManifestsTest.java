package dev.aigw.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders the Kustomize base and the example overlay with {@code kubectl kustomize} and checks what an operator
 * relies on: each service's workload, image, port, probes, resources and settings; secrets only by reference; the
 * gateway's disruption budget, autoscaler and drain time; the state on volumes; Services and scrape annotations.
 */
class KustomizeManifestsTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final List<String> DIRS = List.of("base", "overlays/example");

    /** A service as its code and docs/configuration.md define it: port, and the variables naming port and address. */
    record Service(String name, String kind, int port, String portVar, String hostVar) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Service GATEWAY =
            new Service("ingress-gateway", "StatefulSet", 8080, "CODER_AI_GATEWAY_PORT", "CODER_AI_GATEWAY_HOST");
    private static final Service RECORDER = new Service("recorder-streams", "StatefulSet", 8082,
            "CODER_AI_GATEWAY_RECORDER_PORT", "CODER_AI_GATEWAY_RECORDER_HOST");
    private static final Service QUERY =
            new Service("query-api", "Deployment", 8081, "CODER_AI_GATEWAY_QUERY_PORT", "CODER_AI_GATEWAY_QUERY_HOST");

    /** Settings holding credentials: provider keys, AWS secrets, the master key, the admin token. */
    private static final Pattern SECRET_SETTING =
            Pattern.compile("CODER_(AI_GATEWAY|AIBRIDGE)_.*(_KEY|_KEYS|_SECRET|_SECRETS|_TOKEN|_KEY_PREVIOUS)");
    private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h)");
    /** The gateway's wait for Kafka's acknowledgements after draining (docs/spool.md, "Shutdown"). */
    private static final Duration SINK_CLOSE = Duration.ofSeconds(10);

    static Stream<Arguments> services() {
        return DIRS.stream().flatMap(dir -> Stream.of(GATEWAY, RECORDER, QUERY).map(s -> Arguments.of(dir, s)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("services")
    void shouldRunEachServiceWithItsImagePortProbesAndResources(String dir, Service service) {
        Rendered rendered = render(dir);
        JsonNode pod = rendered.get(service.kind(), service.name()).path("spec").path("template");
        JsonNode container = onlyContainer(pod);

        assertThat(container.path("image").asText()).matches("(.+/)?aigw/" + service.name() + ":[\\w.-]+");
        assertThat(container.path("ports").findValuesAsText("containerPort")).containsExactly(String.valueOf(service.port()));
        Map<String, String> env = literalEnv(rendered, container);
        assertThat(env).containsEntry(service.portVar(), String.valueOf(service.port()))
                .containsEntry(service.hostVar(), "0.0.0.0");

        assertThat(probe(container, "readinessProbe")).isEqualTo("/health/ready:" + service.port());
        assertThat(probe(container, "livenessProbe")).isEqualTo("/health/live:" + service.port());
        JsonNode resources = container.path("resources");
        assertThat(resources.path("requests").path("cpu").asText()).isNotEmpty();
        assertThat(resources.path("requests").path("memory").asText()).isNotEmpty();
        assertThat(resources.path("limits").path("memory").asText()).isNotEmpty();

        JsonNode annotations = pod.path("metadata").path("annotations");
        assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(String.valueOf(service.port()));
        assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/metrics");

        JsonNode labels = pod.path("metadata").path("labels");
        List<JsonNode> exposing = rendered.ofKind("Service").filter(s -> selects(s.path("spec").path("selector"), labels))
                .toList();
        assertThat(exposing).as("a Service in front of %s", service).isNotEmpty().allSatisfy(s ->
                assertThat(targetPorts(s, container)).containsExactly(service.port()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/example"})
    void shouldTakeSecretsOnlyFromSecrets(String dir) {
        Rendered rendered = render(dir);
        assertThat(rendered.ofKind("Secret")).as("Secret objects (their values would be in the repository)").isEmpty();
        rendered.ofKind("ConfigMap").forEach(map -> assertThat(names(map.path("data")))
                .as("ConfigMap %s", map.path("metadata").path("name").asText())
                .noneMatch(n -> SECRET_SETTING.matcher(n).matches()));
        List<JsonNode> containers = Stream.of(GATEWAY, RECORDER, QUERY)
                .map(s -> onlyContainer(rendered.get(s.kind(), s.name()).path("spec").path("template"))).toList();
        for (JsonNode container : containers) {
            for (JsonNode var : container.path("env")) {
                if (SECRET_SETTING.matcher(var.path("name").asText()).matches()) {
                    assertThat(var.has("value")).as("%s has a literal value", var.path("name").asText()).isFalse();
                    assertThat(var.path("valueFrom").has("secretKeyRef")).as(var.path("name").asText()).isTrue();
                }
            }
        }
        for (Service service : List.of(GATEWAY, QUERY)) {
            JsonNode container = onlyContainer(rendered.get(service.kind(), service.name()).path("spec").path("template"));
            JsonNode masterKey = env(container, "CODER_AI_GATEWAY_MASTER_KEY");
            assertThat(masterKey.path("valueFrom").path("secretKeyRef").path("optional").asBoolean())
                    .as("%s: the master key is required", service).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/example"})
    void shouldNameOnlyDocumentedSettings(String dir) throws IOException {
        Rendered rendered = render(dir);
        String docs = Files.readString(Path.of(System.getProperty("aigw.root"), "docs", "configuration.md"));
        Set<String> named = Stream.concat(
                rendered.ofKind("ConfigMap").flatMap(m -> names(m.path("data")).stream()),
                Stream.of(GATEWAY, RECORDER, QUERY).flatMap(s -> onlyContainer(rendered.get(s.kind(), s.name())
                        .path("spec").path("template")).path("env").findValuesAsText("name").stream()))
                .filter(n -> n.startsWith("CODER_")).collect(Collectors.toSet());
        assertThat(named).hasSizeGreaterThan(10).allSatisfy(n -> assertThat(docs).as("docs/configuration.md").contains("`" + n + "`"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/example"})
    void shouldGiveTheGatewayADisruptionBudgetAnAutoscalerAndTimeToDrain(String dir) {
        Rendered rendered = render(dir);
        JsonNode gateway = rendered.get(GATEWAY.kind(), GATEWAY.name());
        JsonNode labels = gateway.path("spec").path("template").path("metadata").path("labels");

        assertThat(rendered.ofKind("PodDisruptionBudget").filter(p -> selects(p.path("spec").path("selector").path("matchLabels"),
                labels))).singleElement().satisfies(p -> assertThat(p.path("spec").has("maxUnavailable")
                || p.path("spec").has("minAvailable")).isTrue());

        JsonNode hpa = rendered.ofKind("HorizontalPodAutoscaler").filter(h -> h.path("spec").path("scaleTargetRef")
                .path("name").asText().equals(GATEWAY.name())).findFirst().orElseThrow(() -> new AssertionError("no HPA"));
        assertThat(hpa.path("spec").path("scaleTargetRef").path("kind").asText()).isEqualTo(GATEWAY.kind());
        assertThat(hpa.path("spec").path("minReplicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(hpa.path("spec").path("maxReplicas").asInt()).isGreaterThan(hpa.path("spec").path("minReplicas").asInt());
        assertThat(hpa.path("spec").path("metrics")).anySatisfy(m -> {
            assertThat(m.path("resource").path("name").asText()).isEqualTo("cpu");
            assertThat(m.path("resource").path("target").path("averageUtilization").asInt()).isBetween(1, 100);
        });

        JsonNode pod = gateway.path("spec").path("template");
        JsonNode container = onlyContainer(pod);
        Duration drain = goDuration(literalEnv(rendered, container).get("CODER_AI_GATEWAY_DRAIN_TIME"));
        Duration preStop = Duration.ofSeconds(container.path("lifecycle").path("preStop").path("sleep").path("seconds").asLong());
        Duration grace = Duration.ofSeconds(pod.path("spec").path("terminationGracePeriodSeconds").asLong());
        assertThat(grace).as("grace period above preStop + DRAIN_TIME + the sink's close")
                .isGreaterThan(preStop.plus(drain).plus(SINK_CLOSE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/example"})
    void shouldKeepTheRecorderStateAndTheGatewaySpoolOnPersistentVolumes(String dir) {
        Rendered rendered = render(dir);
        for (Service service : List.of(RECORDER, GATEWAY)) {
            JsonNode set = rendered.get(service.kind(), service.name());
            JsonNode container = onlyContainer(set.path("spec").path("template"));
            String dataDir = literalEnv(rendered, container).get("CODER_AI_GATEWAY_DATA_DIR");
            assertThat(dataDir).as("%s sets CODER_AI_GATEWAY_DATA_DIR", service).isNotBlank();
            JsonNode mount = Stream.of(container.path("volumeMounts")).flatMap(m -> stream(m))
                    .filter(m -> dataDir.equals(m.path("mountPath").asText()) || dataDir.startsWith(m.path("mountPath").asText() + "/"))
                    .findFirst().orElseThrow(() -> new AssertionError(service + ": no volume mounted at " + dataDir));
            assertThat(set.path("spec").path("volumeClaimTemplates").findValuesAsText("name"))
                    .as("%s: the volume under %s is claimed per pod", service, dataDir)
                    .contains(mount.path("name").asText());
        }
    }

    @org.junit.jupiter.api.Test
    void shouldPointTheExampleAtStrimziAndK8ssandraWithReplication() {
        Rendered rendered = render("overlays/example");
        Map<String, String> env = literalEnv(rendered, onlyContainer(rendered.get(RECORDER.kind(), RECORDER.name())
                .path("spec").path("template")));
        assertThat(env.get("CODER_AI_GATEWAY_KAFKA_BOOTSTRAP")).matches("[a-z0-9-]+-kafka-bootstrap\\.[a-z0-9-]+\\.svc:9092");
        assertThat(env.get("CODER_AI_GATEWAY_CASSANDRA_CONTACT_POINTS")).matches("[a-z0-9-]+-service\\.[a-z0-9-]+\\.svc:9042");
        assertThat(env.get("CODER_AI_GATEWAY_CASSANDRA_REPLICATION")).contains("NetworkTopologyStrategy")
                .contains("'" + env.get("CODER_AI_GATEWAY_CASSANDRA_LOCAL_DC") + "': 3");
        assertThat(rendered.objects()).filteredOn(o -> !o.path("kind").asText().equals("Namespace"))
                .allSatisfy(o -> assertThat(o.path("metadata").path("namespace").asText()).isEqualTo("aigw"));
    }

    private static Rendered render(String dir) {
        return Rendered.of(MODULE.resolve(dir));
    }

    private static JsonNode onlyContainer(JsonNode podTemplate) {
        JsonNode containers = podTemplate.path("spec").path("containers");
        assertThat(containers.size()).as("containers").isEqualTo(1);
        return containers.get(0);
    }

    private static JsonNode env(JsonNode container, String name) {
        return stream(container.path("env")).filter(v -> v.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in the container's env"));
    }

    /** The values a container sees from its ConfigMaps and literal env entries (env wins, as in Kubernetes). */
    private static Map<String, String> literalEnv(Rendered rendered, JsonNode container) {
        Map<String, String> env = new HashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")) {
                String name = source.path("configMapRef").path("name").asText();
                rendered.get("ConfigMap", name).path("data").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
            }
        }
        stream(container.path("env")).filter(v -> v.has("value"))
                .forEach(v -> env.put(v.path("name").asText(), v.path("value").asText()));
        return env;
    }

    /** A probe as {@code path:port}, a named port resolved to its number. */
    private static String probe(JsonNode container, String kind) {
        JsonNode get = container.path(kind).path("httpGet");
        assertThat(get.isMissingNode()).as("%s with httpGet", kind).isFalse();
        return get.path("path").asText() + ":" + portNumber(container, get.path("port"));
    }

    private static int portNumber(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        return stream(container.path("ports")).filter(p -> p.path("name").asText().equals(port.asText()))
                .mapToInt(p -> p.path("containerPort").asInt()).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port.asText()));
    }

    private static List<Integer> targetPorts(JsonNode service, JsonNode container) {
        return stream(service.path("spec").path("ports"))
                .map(p -> portNumber(container, p.has("targetPort") ? p.path("targetPort") : p.path("port"))).toList();
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        return !selector.isEmpty() && names(selector).stream()
                .allMatch(k -> selector.path(k).asText().equals(labels.path(k).asText()));
    }

    private static List<String> names(JsonNode object) {
        return object.properties().stream().map(Map.Entry::getKey).toList();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    /** Go's duration form as the services read it ({@code 30s}, {@code 1m30s}); enough of it for the drain time. */
    private static Duration goDuration(String text) {
        assertThat(text).as("a duration").matches("(\\d+(ms|s|m|h))+");
        Duration total = Duration.ZERO;
        Matcher part = GO_DURATION_PART.matcher(text);
        while (part.find()) {
            long n = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
        }
        return total;
    }
}
