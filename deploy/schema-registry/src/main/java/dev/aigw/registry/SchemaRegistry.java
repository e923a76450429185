package dev.aigw.registry;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/** The registry's operations over the replayed state and the log; HTTP-free so it can be tested without a server. */
final class SchemaRegistry {
    /**
     * Proposals per registration. A proposal loses only to another instance's that won, so every loss is progress for
     * someone; a burst of registrations spread over instances (SchemaRegistryIT's 16 on two, on a loaded machine) can
     * make one instance lose once per registration of the others, so the bound is far above any such burst and only
     * stops a log that never applies what it is sent.
     */
    private static final int MAX_PROPOSALS = 64;

    private final RegistryState state;
    private final SchemaLog log;
    // One writer per instance: proposals from this instance never race each other, only other instances'.
    private final ReentrantLock writer = new ReentrantLock();

    SchemaRegistry(RegistryState state, SchemaLog log) {
        this.state = requireNonNull(state, "state");
        this.log = requireNonNull(log, "log");
    }

    /** Registers the schema under the subject, or finds it there, and returns its global id. */
    int register(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        String canonical = schema.toString();
        writer.lock();
        try {
            // Catch up first so that the proposal rarely loses to a registration made on another instance.
            log.sync();
            for (int attempt = 0; attempt < MAX_PROPOSALS; attempt++) {
                Optional<SchemaVersion> existing = state.find(subject, canonical);
                if (existing.isPresent()) {
                    return existing.get().id();
                }
                List<String> problems = state.compatibility(subject).problems(schema, state.versions(subject));
                if (!problems.isEmpty()) {
                    throw RegistryException.incompatible(subject, problems);
                }
                log.append(state.proposal(subject, canonical));
            }
            return state.find(subject, canonical).map(SchemaVersion::id).orElseThrow(() -> RegistryException.storeError(
                    "registration under '" + subject + "' kept conflicting with concurrent registrations", null));
        } finally {
            writer.unlock();
        }
    }

    /** The version of the subject holding this schema. */
    SchemaVersion lookup(String subject, String schemaText) {
        String canonical = parse(schemaText).toString();
        return synced(() -> state.find(subject, canonical)).orElseThrow(() -> state.versions(subject).isEmpty()
                ? RegistryException.subjectNotFound(subject)
                : RegistryException.schemaNotFound(subject));
    }

    String schemaById(int id) {
        return synced(() -> state.schema(id)).orElseThrow(() -> RegistryException.schemaIdNotFound(id));
    }

    List<String> subjects() {
        return state.subjects();
    }

    List<SchemaVersion> versions(String subject) {
        return synced(() -> Optional.of(state.versions(subject)).filter(v -> !v.isEmpty()))
                .orElseThrow(() -> RegistryException.subjectNotFound(subject));
    }

    /** A version by number or {@code latest}. */
    SchemaVersion version(String subject, String version) {
        List<SchemaVersion> versions = versions(subject);
        if (version.equals("latest")) {
            return versions.getLast();
        }
        int number = parseVersion(version);
        if (number > versions.size()) {
            throw RegistryException.versionNotFound(subject, number);
        }
        return versions.get(number - 1);
    }

    Compatibility globalCompatibility() {
        return state.globalCompatibility();
    }

    Optional<Compatibility> subjectCompatibility(String subject) {
        return state.subjectCompatibility(subject);
    }

    void setGlobalCompatibility(Compatibility compatibility) {
        log.append(new LogRecord.GlobalConfig(compatibility));
    }

    void setSubjectCompatibility(String subject, Compatibility compatibility) {
        log.append(new LogRecord.SubjectConfig(subject, compatibility));
    }

    /** Reads; on a miss catches up with the log and reads again, so a schema just registered elsewhere is found. */
    private <T> Optional<T> synced(Supplier<Optional<T>> read) {
        Optional<T> value = read.get();
        if (value.isPresent()) {
            return value;
        }
        log.sync();
        return read.get();
    }

    private static int parseVersion(String version) {
        try {
            int number = Integer.parseInt(version);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Not a number at all: the same answer as for zero or a negative number.
        }
        throw RegistryException.invalidVersion(version);
    }

    private static Schema parse(String schemaText) {
        requireNonNull(schemaText, "schemaText");
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (AvroRuntimeException | NullPointerException e) {
            // Avro 1.12 reports malformed JSON with SchemaParseException, a default that does not fit its type with
            // AvroTypeException and an unknown type name with a NullPointerException ("Unknown schema: ...").
            throw RegistryException.invalidSchema(String.valueOf(e.getMessage()));
        }
    }
}
