package dev.aigw.gateway.sink;

/** Decides whether a new interception may start, given that its events must have somewhere to go. */
@FunctionalInterface
public interface Admission {
    /** Whether the interception may start; a refusal is counted and logged by the implementation. */
    boolean tryAdmit();
}
