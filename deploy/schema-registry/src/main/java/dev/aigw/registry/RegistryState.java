package dev.aigw.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the schemas topic says, replayed in topic order. Thread-safe: the log reader applies, HTTP handlers read.
 *
 * <p>Id allocation: a writer proposes {@code max id seen + 1} (or the id the schema already has), writes the proposal to
 * the single-partition topic and waits until it has read it back. Every instance applies the same acceptance rule in
 * the same order, so if two instances propose the same version or id concurrently, the one written first wins
 * everywhere and the other is ignored everywhere; the loser sees that on re-reading and proposes again. This keeps ids
 * small and sequential like Confluent's without a leader election.
 */
final class RegistryState {
    private final Map<String, List<SchemaVersion>> subjects = new TreeMap<>();
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, Compatibility> subjectCompatibility = new HashMap<>();
    private Compatibility globalCompatibility = Compatibility.BACKWARD;
    private int maxId;

    /** Applies a record read from the topic; returns false for a schema proposal that lost to an earlier record. */
    synchronized boolean apply(LogRecord record) {
        return switch (record) {
            case SchemaVersion version -> accept(version);
            case LogRecord.GlobalConfig config -> {
                globalCompatibility = config.compatibility();
                yield true;
            }
            case LogRecord.SubjectConfig config -> {
                subjectCompatibility.put(config.subject(), config.compatibility());
                yield true;
            }
        };
    }

    private boolean accept(SchemaVersion proposal) {
        List<SchemaVersion> versions = subjects.getOrDefault(proposal.subject(), List.of());
        boolean nextVersion = proposal.version() == versions.size() + 1;
        boolean newInSubject = versions.stream().noneMatch(v -> v.schema().equals(proposal.schema()));
        Integer knownId = idsBySchema.get(proposal.schema());
        String knownSchema = schemasById.get(proposal.id());
        boolean idAgrees = (knownId == null || knownId == proposal.id())
                && (knownSchema == null || knownSchema.equals(proposal.schema()));
        if (!nextVersion || !newInSubject || !idAgrees) {
            return false;
        }
        subjects.computeIfAbsent(proposal.subject(), s -> new ArrayList<>()).add(proposal);
        schemasById.put(proposal.id(), proposal.schema());
        idsBySchema.put(proposal.schema(), proposal.id());
        maxId = Math.max(maxId, proposal.id());
        return true;
    }

    /** The version a new registration of {@code schema} under {@code subject} would propose. */
    synchronized SchemaVersion proposal(String subject, String schema) {
        int version = subjects.getOrDefault(subject, List.of()).size() + 1;
        return new SchemaVersion(subject, version, idsBySchema.getOrDefault(schema, maxId + 1), schema);
    }

    synchronized Optional<SchemaVersion> find(String subject, String schema) {
        return subjects.getOrDefault(subject, List.of()).stream().filter(v -> v.schema().equals(schema)).findFirst();
    }

    synchronized Optional<String> schema(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    /** The subject's versions, oldest first; empty when the subject is unknown. */
    synchronized List<SchemaVersion> versions(String subject) {
        return List.copyOf(subjects.getOrDefault(subject, List.of()));
    }

    synchronized Compatibility globalCompatibility() {
        return globalCompatibility;
    }

    synchronized Optional<Compatibility> subjectCompatibility(String subject) {
        return Optional.ofNullable(subjectCompatibility.get(subject));
    }

    /** The level that applies to the subject: its own, else the global one. */
    synchronized Compatibility compatibility(String subject) {
        return subjectCompatibility.getOrDefault(subject, globalCompatibility);
    }
}
