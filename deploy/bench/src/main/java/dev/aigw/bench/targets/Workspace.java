package dev.aigw.bench.targets;

import java.nio.file.Path;

/**
 * Where a run keeps its files: the repository root (children run there), logs, the audit stack's state, and tools the
 * harness installs (Portkey), which survive between runs.
 */
public record Workspace(Path root, Path out) {
    /** Log of the process called {@code name}. */
    public Path log(String name) {
        return out.resolve("logs").resolve(name + ".log");
    }

    /** Scratch directory called {@code name} under the run's output. */
    public Path dir(String name) {
        return out.resolve(name);
    }

    /** Where installed tools live, outside {@code target/} so that {@code mvn clean} does not throw them away. */
    public Path tools() {
        return root.resolve(".aigw").resolve("bench-tools");
    }
}
