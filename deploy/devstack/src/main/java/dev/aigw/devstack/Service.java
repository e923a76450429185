package dev.aigw.devstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.aigw.engines.ChildProcess;
import dev.aigw.engines.Health;
import dev.aigw.engines.Jdks;
import dev.aigw.engines.Locations;

/**
 * A JVM service of the stack, run from its module's classes and runtime classpath.
 *
 * @param name     its name in logs, pid files and messages: the part's label, or {@code gateway-2} for a cluster's node
 * @param own      what only the stack decides: the node's port and data directory (in a cluster the user's port is the
 *                 balancer's, so it must not reach the nodes)
 * @param defaults environment variables it gets unless the user's environment already sets them
 */
record Service(String name, Part part, String module, String mainClass, int port, Map<String, String> own,
               Map<String, String> defaults) {

    /** Starts the service in {@code root}; it inherits {@code userEnv}, plus the defaults it does not set. */
    ChildProcess start(Path root, Path log, Map<String, String> userEnv) {
        List<String> command = List.of(Jdks.currentJava().toString(), "-Xmx512m", "--enable-native-access=ALL-UNNAMED",
                "-cp", Locations.serviceClasspath(root, module), mainClass);
        return ChildProcess.start(name, command, environment(userEnv), root, log);
    }

    /**
     * The defaults, then {@code userEnv} over them, then the node's own settings. {@code userEnv} is passed whole
     * (not left to inheritance) so that a caller with its own environment map, such as a test, is obeyed.
     */
    Map<String, String> environment(Map<String, String> userEnv) {
        Map<String, String> env = new HashMap<>(defaults);
        env.putAll(userEnv);
        env.putAll(own);
        return env;
    }

    /** Whether {@code GET /health/ready} answers 200. */
    boolean isReady() {
        return Health.ready(port);
    }
}
