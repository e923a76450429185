package dev.aigw.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityTest {
    private static final String V1 = record("{\"name\": \"id\", \"type\": \"string\"}");
    private static final String WITH_DEFAULT = record("{\"name\": \"id\", \"type\": \"string\"},"
            + " {\"name\": \"n\", \"type\": \"int\", \"default\": 0}");
    private static final String WITHOUT_DEFAULT = record("{\"name\": \"id\", \"type\": \"string\"},"
            + " {\"name\": \"n\", \"type\": \"int\"}");
    private static final String ID_AS_INT = record("{\"name\": \"id\", \"type\": \"int\"}");

    @Test
    void shouldAcceptAFieldWithADefaultAtEveryLevel() {
        for (Compatibility level : Compatibility.values()) {
            assertThat(level.problems(parse(WITH_DEFAULT), versions(V1))).as(level.name()).isEmpty();
        }
    }

    @Test
    void shouldRejectAFieldWithoutADefaultBackwardButNotForward() {
        assertThat(Compatibility.BACKWARD.problems(parse(WITHOUT_DEFAULT), versions(V1)))
                .singleElement().asString()
                .contains("cannot read version 1")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(Compatibility.FULL.problems(parse(WITHOUT_DEFAULT), versions(V1))).hasSize(1);
        assertThat(Compatibility.FORWARD.problems(parse(WITHOUT_DEFAULT), versions(V1))).isEmpty();
        assertThat(Compatibility.NONE.problems(parse(WITHOUT_DEFAULT), versions(V1))).isEmpty();
    }

    @Test
    void shouldRejectRemovingAFieldWithoutDefaultForward() {
        assertThat(Compatibility.FORWARD.problems(parse(V1), versions(WITHOUT_DEFAULT)))
                .singleElement().asString().contains("cannot be read by version 1");
        assertThat(Compatibility.BACKWARD.problems(parse(V1), versions(WITHOUT_DEFAULT))).isEmpty();
    }

    @Test
    void shouldCheckOnlyTheLatestVersionUnlessTransitive() {
        List<SchemaVersion> history = versions(ID_AS_INT, V1);

        assertThat(Compatibility.BACKWARD.problems(parse(WITH_DEFAULT), history)).isEmpty();
        assertThat(Compatibility.BACKWARD_TRANSITIVE.problems(parse(WITH_DEFAULT), history))
                .singleElement().asString().contains("version 1").contains("TYPE_MISMATCH");
    }

    @Test
    void shouldParseLevelsCaseInsensitivelyAndRejectUnknownOnes() {
        assertThat(Compatibility.parse(" full_transitive")).isEqualTo(Compatibility.FULL_TRANSITIVE);
        assertThatThrownBy(() -> Compatibility.parse("sideways"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42203));
    }

    private static String record(String fields) {
        return "{\"type\": \"record\", \"name\": \"R\", \"fields\": [" + fields + "]}";
    }

    private static Schema parse(String schema) {
        return new Schema.Parser().parse(schema);
    }

    private static List<SchemaVersion> versions(String... schemas) {
        return IntStream.range(0, schemas.length)
                .mapToObj(i -> new SchemaVersion("s", i + 1, i + 1, parse(schemas[i]).toString()))
                .toList();
    }
}
