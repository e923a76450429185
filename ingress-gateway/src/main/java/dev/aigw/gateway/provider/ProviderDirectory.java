package dev.aigw.gateway.provider;

import java.util.Optional;

/** The providers this node routes to, looked up by instance name per request, so changes apply at once. */
@FunctionalInterface
public interface ProviderDirectory {
    /** The enabled provider named {@code name}, if any. */
    Optional<Provider> find(String name);
}
