package dev.aigw.gateway.config;

/** Where a node's interception events go. */
public enum AuditEvents {
    /** To the events topic, through the spool: the only setting for a gateway in service. */
    KAFKA,
    /**
     * Built as usual, then dropped: the node records nothing. For measuring what producing the audit costs (the
     * benchmark's "audit off"); the node warns at start that it is running without its audit trail.
     */
    DISCARD
}
