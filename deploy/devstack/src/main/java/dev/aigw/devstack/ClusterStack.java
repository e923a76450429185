package dev.aigw.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The cluster of {@code ./aigw up --cluster}, started in this JVM for fault tests: every member by name, to kill,
 * stop and start again. {@code env} stands for the environment the stack would read: it must name its own state
 * directory ({@value DevStackConfig#STATE_DIR}), admin token and master key, and may move every port.
 */
public final class ClusterStack implements AutoCloseable {
    private final DevStack stack;
    private final DevStackConfig config;

    private ClusterStack(DevStack stack, DevStackConfig config) {
        this.stack = stack;
        this.config = config;
    }

    /** Wipes the state directory, starts every member and waits until the balancer is ready. */
    public static ClusterStack start(Map<String, String> env) {
        for (String required : List.of(DevStackConfig.STATE_DIR, DevStackConfig.ADMIN_TOKEN, DevStackConfig.MASTER_KEY)) {
            if (!env.containsKey(required)) {
                throw new IllegalArgumentException("a cluster started from code needs " + required);
            }
        }
        DevStackConfig config = DevStackConfig.from(List.of("--fresh", "--cluster"), env);
        Preflight.check(config);
        DevStack stack = new DevStack(config, StackSecrets.of(env, config.state().path()));
        try {
            stack.start();
        } catch (RuntimeException e) {
            stack.stop();
            throw e;
        }
        return new ClusterStack(stack, config);
    }

    /** The members' names in start order: {@code kafka-1}, ..., {@code gateway-3}, {@code balancer}. */
    public List<String> members() {
        return stack.members();
    }

    /** SIGKILL to a member, as a crash would end it. */
    public void kill(String member) {
        stack.kill(member);
    }

    /** SIGTERM to a member, returning once it has stopped. */
    public void terminate(String member) {
        stack.terminate(member);
    }

    /** Starts a stopped member again on its data, returning once it is ready. */
    public void restart(String member) {
        stack.restart(member);
    }

    /** The process id of a member, for signals the stack does not send itself (SIGSTOP). */
    public long pid(String member) {
        return stack.pid(member);
    }

    /** The port of gateway node {@code n} (1..), behind the balancer. */
    public int gatewayNode(int n) {
        return config.ports().node(Part.GATEWAY, n, true);
    }

    /** The port of query API node {@code n} (1..). */
    public int queryNode(int n) {
        return config.ports().node(Part.QUERY, n, true);
    }

    /** The directory of every member's log. */
    public Path logs() {
        return config.state().logs();
    }

    /** The resident memory of every member, in bytes. */
    public long residentBytes() {
        return stack.residentBytes();
    }

    /** Stops every member, newest first. */
    @Override
    public void close() {
        stack.stop();
    }
}
