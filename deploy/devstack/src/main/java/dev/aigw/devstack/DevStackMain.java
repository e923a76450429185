package dev.aigw.devstack;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code ./aigw up}: starts the dev stack in the foreground; Ctrl-C or SIGTERM stops it. */
public final class DevStackMain {
    private DevStackMain() {
    }

    /** Starts the stack, prints where everything is, and runs until stopped or until a part dies. */
    public static void main(String[] args) throws InterruptedException {
        long started = System.nanoTime();
        DevStackConfig config;
        try {
            config = DevStackConfig.from(List.of(args), System.getenv());
            Preflight.check(config);
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        boolean tokenFromEnv = StackSecrets.adminTokenFromEnv(config.env());
        DevStack stack = new DevStack(config, StackSecrets.of(config.env(), config.state().path()));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "devstack-stop"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            if (!stack.isStopping()) {
                System.err.println("The dev stack did not start: " + e.getMessage());
                stack.stop();
                System.exit(1);
            }
            return;
        }
        System.out.println(Banner.ready(config, Duration.ofNanos(System.nanoTime() - started), tokenFromEnv, stack.residentBytes()));
        Optional<String> died = stack.awaitUnexpectedExit();
        if (died.isPresent()) {
            System.err.println(died.get() + " exited on its own; last lines of its log:\n" + stack.logTail(died.get()));
            System.exit(1);
        }
    }
}
