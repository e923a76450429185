package dev.aigw.devstack;

import java.util.List;

/** Checks made before anything starts, then the {@code --fresh} wipe. */
final class Preflight {
    private Preflight() {
    }

    /** Fails if a stack is running or an earlier one left parts behind; wipes the state when asked. */
    static void check(DevStackConfig config) {
        StateDir state = config.state();
        state.runningStack().ifPresent(pid -> {
            throw new IllegalStateException("a dev stack is already running (pid " + pid + "): stop it with ./aigw down");
        });
        List<Long> leftovers = state.leftoverParts(config.root());
        if (!leftovers.isEmpty()) {
            throw new IllegalStateException("parts of a dev stack that did not stop cleanly are still running (pids "
                    + leftovers + "): stop them with ./aigw down");
        }
        if (config.fresh()) {
            state.wipe();
        }
    }
}
