package dev.aigw.bench.targets;

import dev.aigw.engines.ChildProcess;

/** A target and the process the harness started for it. */
public record Running(Target target, ChildProcess process) implements AutoCloseable {
    @Override
    public void close() {
        process.stop();
    }
}
