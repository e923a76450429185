package dev.aigw.bench.report;

import java.util.Map;

/**
 * Where and how the run happened, printed with its results.
 *
 * @param cpu      CPU model as {@code /proc/cpuinfo} names it
 * @param cores    online cores
 * @param memory   total memory, e.g. {@code 24 GiB}
 * @param kernel   {@code uname -r}
 * @param versions version of each part: JDK, nginx, Portkey, Node.js, the gateway
 * @param settings how the run was made: mode, pinning, durations, repetitions, JVM flags
 */
public record Machine(String cpu, int cores, String memory, String kernel, Map<String, String> versions,
                      Map<String, String> settings) {
}
