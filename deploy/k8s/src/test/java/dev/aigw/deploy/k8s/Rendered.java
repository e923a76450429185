package dev.aigw.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The objects {@code kubectl kustomize <dir>} renders from a Kustomize directory, looked up by kind and name.
 * kubectl is the tool operators apply the manifests with, so rendering through it checks what they get.
 */
record Rendered(List<JsonNode> objects) {

    private static final Path KUBECTL_FALLBACK = Path.of("/usr/bin/kubectl");
    private static final long RENDER_DEADLINE_SECONDS = 120;

    /** Renders {@code dir}; fails with how to install kubectl when it is not on the machine. */
    static Rendered of(Path dir) {
        Path output = null;
        try {
            output = Files.createTempFile("kustomize", ".yaml");
            Process process = new ProcessBuilder(kubectl().toString(), "kustomize", dir.toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(RENDER_DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish in " + RENDER_DEADLINE_SECONDS + " s");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed (" + process.exitValue() + "):\n" + text);
            }
            try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(text)) {
                return new Rendered(docs.readAll().stream().filter(n -> !n.isMissingNode() && !n.isNull()).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    /** kubectl from the PATH, else the Debian package's place; an absent kubectl fails the test, it never skips it. */
    private static Path kubectl() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(java.io.File.pathSeparator)).filter(s -> !s.isBlank())
                                .map(d -> Path.of(d, "kubectl")), Stream.of(KUBECTL_FALLBACK))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new AssertionError("kubectl is not installed (not on the PATH, not at " + KUBECTL_FALLBACK
                        + "); the Kubernetes manifests test renders them with `kubectl kustomize`. Install it, e.g. "
                        + "apt-get install kubectl from the Kubernetes or Google Cloud apt repository, and run again."));
    }

    /** The one object of this kind and name. */
    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " among " + names()));
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).filter(o -> o.path("metadata").path("name").asText().equals(name)).findFirst();
    }

    Stream<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind));
    }

    private List<String> names() {
        return objects.stream().map(o -> o.path("kind").asText() + "/" + o.path("metadata").path("name").asText()).toList();
    }
}
