package dev.aigw.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/** Compatibility levels, with Confluent's meaning, checked by Avro's own {@link SchemaCompatibility}. */
enum Compatibility {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    /** The new schema must read data written with the earlier one. */
    private final boolean backward;
    /** Readers using the earlier schema must read data written with the new one. */
    private final boolean forward;
    /** Against every earlier version, not only the latest. */
    private final boolean transitive;

    Compatibility(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    static Compatibility parse(String level) {
        try {
            return valueOf(level.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RegistryException.invalidCompatibility(level);
        }
    }

    /** Why {@code candidate} may not follow {@code earlier} (oldest first) at this level; empty when it may. */
    List<String> problems(Schema candidate, List<SchemaVersion> earlier) {
        List<SchemaVersion> checked = transitive || earlier.isEmpty() ? earlier : List.of(earlier.getLast());
        List<String> problems = new ArrayList<>();
        for (SchemaVersion version : checked) {
            Schema old = new Schema.Parser().parse(version.schema());
            if (backward) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old), "read", version, problems);
            }
            if (forward) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(old, candidate), "be read by", version, problems);
            }
        }
        return problems;
    }

    private static void describe(SchemaCompatibility.SchemaPairCompatibility pair, String relation, SchemaVersion version,
                                 List<String> problems) {
        for (Incompatibility incompatibility : pair.getResult().getIncompatibilities()) {
            problems.add("new schema cannot " + relation + " version " + version.version() + ": "
                    + incompatibility.getType() + " at " + incompatibility.getLocation()
                    + " (" + incompatibility.getMessage() + ")");
        }
    }
}
