package dev.aigw.deploy.images;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An image's entrypoint run as a container runtime would run it, with no container engine: in new mount and PID
 * namespaces, the unpacked layers as its root, the runtime's {@code /dev}, {@code /proc}, {@code /etc/hosts} and
 * {@code /etc/resolv.conf} mounted in, the image's user, working directory and environment, and nothing of the
 * caller's environment. It shares the host's network, so it listens on the host's loopback. Needs root.
 */
final class ContainerProcess implements AutoCloseable {
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);
    private static final int TAIL_LINES = 40;

    // The mounts a runtime makes, then the image's root, user and working directory; each mount point is made by start.
    // The root is a mount of its own, as a runtime's overlay is: the JVM looks its file system up in /proc/self/mountinfo.
    private static final String SETUP = """
            root=$1 uid=$2 gid=$3 wd=$4; shift 4
            /usr/bin/mount --bind "$root" "$root" \
              && /usr/bin/mount --rbind /dev "$root/dev" \
              && /usr/bin/mount -t proc proc "$root/proc" \
              && /usr/bin/mount --bind /etc/hosts "$root/etc/hosts" \
              && /usr/bin/mount --bind /etc/resolv.conf "$root/etc/resolv.conf" \
              || exit 125
            exec /usr/bin/unshare --root="$root" --wd="$wd" --setuid="$uid" --setgid="$gid" -- "$@"
            """;

    private final Process process;
    private final Path log;

    private ContainerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code image}'s command with its environment plus {@code env}; output goes to {@code log}. */
    static ContainerProcess start(UnpackedImage image, Map<String, String> env, Path log) {
        String[] user = image.config().path("User").asText().split(":");
        if (user.length != 2) {
            throw new AssertionError("the image's User is not uid:gid: " + image.config().path("User"));
        }
        try {
            for (String dir : List.of("dev", "proc")) {
                Files.createDirectories(image.file(dir));
            }
            for (String file : List.of("etc/hosts", "etc/resolv.conf")) {
                if (!Files.exists(image.file(file))) {
                    Files.createFile(image.file(file));
                }
            }
            List<String> command = new ArrayList<>(List.of("/usr/bin/unshare", "--mount", "--pid", "--fork",
                    "--kill-child", "/bin/sh", "-c", SETUP, "container", image.rootfs().toString(), user[0], user[1],
                    image.config().path("WorkingDir").asText("/")));
            command.addAll(image.command());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().clear();
            builder.environment().putAll(image.env());
            builder.environment().putAll(env);
            return new ContainerProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether it still runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * SIGTERM to the entrypoint's process, as {@code docker stop} sends it (it is PID 1 of its namespace, so only a
     * signal it handles reaches it); true if everything exited within 60 s.
     */
    boolean stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        try {
            return process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last lines of its output, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readString(log, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Kills whatever is left. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
