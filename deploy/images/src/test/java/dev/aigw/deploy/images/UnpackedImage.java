package dev.aigw.deploy.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A {@code docker save}-format tarball (what {@code jib:buildTar} writes and {@code docker load} reads) taken apart the
 * way a container runtime does: its config, the names in each layer, and the layers unpacked in order into one root.
 *
 * @param config the image's {@code config} object: Entrypoint, Cmd, Env, User, WorkingDir, ExposedPorts, Labels
 * @param layers for each layer, in order, the paths it holds (no leading {@code /}, directories end in {@code /})
 * @param rootfs the directory the layers were unpacked into
 */
record UnpackedImage(JsonNode config, List<List<String>> layers, Path rootfs) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TAR_DEADLINE_SECONDS = 300;

    /** Unpacks {@code tarball} under {@code dir}, which is emptied first. */
    static UnpackedImage unpack(Path tarball, Path dir) {
        try {
            delete(dir);
            Path parts = Files.createDirectories(dir.resolve("parts"));
            Path rootfs = Files.createDirectories(dir.resolve("rootfs"));
            tar("-xf", tarball.toString(), "-C", parts.toString());
            JsonNode manifest = JSON.readTree(parts.resolve("manifest.json").toFile()).get(0);
            JsonNode config = JSON.readTree(parts.resolve(manifest.get("Config").asText()).toFile()).get("config");
            List<List<String>> layers = new ArrayList<>();
            for (JsonNode layer : manifest.get("Layers")) {
                Path file = parts.resolve(layer.asText());
                layers.add(tar("-tzf", file.toString()).lines().toList());
                // As root, tar keeps each entry's owner and mode, as a runtime does.
                tar("-xzf", file.toString(), "-C", rootfs.toString());
            }
            return new UnpackedImage(config, List.copyOf(layers), rootfs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image's environment, {@code NAME=value} entries in order. */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        config.path("Env").forEach(entry -> {
            String text = entry.asText();
            int eq = text.indexOf('=');
            env.put(text.substring(0, eq), text.substring(eq + 1));
        });
        return env;
    }

    /** The command a runtime starts: Entrypoint, then Cmd. */
    List<String> command() {
        List<String> command = new ArrayList<>();
        config.path("Entrypoint").forEach(arg -> command.add(arg.asText()));
        config.path("Cmd").forEach(arg -> command.add(arg.asText()));
        return List.copyOf(command);
    }

    /** {@code path} (absolute in the image) inside the unpacked root. */
    Path file(String path) {
        return rootfs.resolve(path.replaceFirst("^/+", ""));
    }

    // The host's tar: GNU tar reads Jib's layers (gzip, PAX headers) and, run as root, restores owners and modes.
    private static String tar(String... args) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/tar", "--warning=no-unknown-keyword"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TAR_DEADLINE_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
