package dev.aigw.gateway.config;

/** What the gateway does with new interceptions once it cannot record their events (Kafka away and the spool full). */
public enum AuditFailureMode {
    /** Refuse them with 503 in the provider's shape: nothing is proxied that is not audited. */
    CLOSED,
    /** Proxy them anyway and count the events that are dropped. */
    OPEN
}
