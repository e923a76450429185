package dev.aigw.bench.targets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Installs the peers the harness measures, when they are absent: nginx from Debian, Portkey from npm. */
public final class Installer {
    /** The Portkey gateway version measured; pinned so runs compare. */
    public static final String PORTKEY_VERSION = "1.15.2";

    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    private Installer() {
    }

    /** The nginx binary, installed with apt-get ({@code nginx-light}) when missing. */
    public static Path nginx() {
        if (Files.isExecutable(NGINX)) {
            return NGINX;
        }
        Map<String, String> env = Map.of("DEBIAN_FRONTEND", "noninteractive");
        List<String> install = List.of("apt-get", "install", "-y", "-q", "--no-install-recommends", "nginx-light");
        if (run(install, env, null) != 0) {
            // A fresh machine may not have the package lists yet.
            run(List.of("apt-get", "update", "-q"), env, null);
            if (run(install, env, null) != 0) {
                throw new IllegalStateException("cannot install nginx: apt-get install nginx-light failed (is this root,"
                        + " and is the Debian mirror reachable?)");
            }
        }
        // Debian's package starts a service on port 80; the harness runs its own instance.
        run(List.of(NGINX.toString(), "-s", "stop"), Map.of(), null);
        return NGINX;
    }

    /** Portkey's start script, installed with npm into {@code dir} when missing. */
    public static Path portkey(Path dir) {
        Path script = dir.resolve("node_modules/@portkey-ai/gateway/build/start-server.js");
        if (Files.isRegularFile(script) && PORTKEY_VERSION.equals(installedPortkey(dir))) {
            return script;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dir, e);
        }
        List<String> install = List.of("npm", "install", "--no-audit", "--no-fund", "--no-save", "--silent",
                "@portkey-ai/gateway@" + PORTKEY_VERSION);
        if (run(install, Map.of(), dir) != 0 || !Files.isRegularFile(script)) {
            throw new IllegalStateException("cannot install Portkey: npm install @portkey-ai/gateway@" + PORTKEY_VERSION
                    + " failed in " + dir + " (is the npm registry reachable?)");
        }
        return script;
    }

    private static String installedPortkey(Path dir) {
        try {
            String json = Files.readString(dir.resolve("node_modules/@portkey-ai/gateway/package.json"));
            return json.contains("\"version\": \"" + PORTKEY_VERSION + "\"") ? PORTKEY_VERSION : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The first line a command prints (stdout and stderr), e.g. a version; empty if it cannot run. */
    public static String firstLine(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(10, TimeUnit.SECONDS);
            return out.lines().findFirst().orElse("").strip();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static int run(List<String> command, Map<String, String> env, Path dir) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO()
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(env);
            if (dir != null) {
                builder.directory(dir.toFile());
            }
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
