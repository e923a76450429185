package dev.aigw.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The stack's state under {@code .aigw/}: data, logs, secrets and pid files. It survives restarts. */
record StateDir(Path path) {
    /** Written by ./aigw after a build; kept by {@code --fresh} so a wipe does not force a rebuild. */
    static final String BUILD_STAMP = "build.stamp";

    Path logs() {
        return path.resolve("logs");
    }

    /** The log of a member of the stack: {@code kafka}, {@code gateway-2}, ... */
    Path log(String member) {
        return logs().resolve(member + ".log");
    }

    Path data(String name) {
        return path.resolve(name);
    }

    Path stackPidFile() {
        return path.resolve("devstack.pid");
    }

    /** The pid file of the {@code order}-th member started; {@code ./aigw down} stops leftovers by descending order. */
    Path pidFile(int order, String member) {
        return path.resolve("pids").resolve(order + "-" + member + ".pid");
    }

    /** The pid of a dev stack that is still running, if any. */
    Optional<Long> runningStack() {
        return readPid(stackPidFile()).filter(pid -> isLive(pid, DevStackMain.class.getName()));
    }

    /** Pids of parts recorded by an earlier stack that are still running, such as after that stack was SIGKILLed. */
    List<Long> leftoverParts(Path root) {
        Path pids = path.resolve("pids");
        if (!Files.isDirectory(pids)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(pids)) {
            return files.map(StateDir::readPid).flatMap(Optional::stream).filter(pid -> isLive(pid, root.toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // A recycled pid belongs to some other program; ours carry the marker on their command line. It is read from
    // /proc because ProcessHandle.Info cuts command lines at 4 KB, before a Kafka broker's properties file.
    private static boolean isLive(long pid, String marker) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .contains(marker);
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes everything but the build stamp. */
    void wipe() {
        if (!Files.isDirectory(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder())
                    .filter(file -> !file.equals(path) && !file.equals(path.resolve(BUILD_STAMP)))
                    .forEach(StateDir::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void writePid(Path file, long pid) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, pid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void removePid(Path file) {
        delete(file);
    }

    private static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
