package dev.aigw.registry;

import static java.util.Objects.requireNonNull;

/**
 * A schema registered under a subject: the registry's state entry, its REST representation and its log record.
 *
 * @param subject subject name
 * @param version version within the subject, from 1
 * @param id      global id, shared by every subject holding the same canonical schema
 * @param schema  the schema in Avro's canonical JSON text ({@code Schema.toString()})
 */
record SchemaVersion(String subject, int version, int id, String schema) implements LogRecord {
    SchemaVersion {
        requireNonNull(subject, "subject");
        requireNonNull(schema, "schema");
    }
}
