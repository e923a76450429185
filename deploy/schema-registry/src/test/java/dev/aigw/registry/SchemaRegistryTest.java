package dev.aigw.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaRegistryTest {
    private static final String V1 = "{\"type\": \"record\", \"name\": \"R\","
            + " \"fields\": [{\"name\": \"id\", \"type\": \"string\"}]}";
    private static final String V2 = "{\"type\": \"record\", \"name\": \"R\","
            + " \"fields\": [{\"name\": \"id\", \"type\": \"string\"},"
            + " {\"name\": \"n\", \"type\": \"int\", \"default\": 0}]}";
    private static final String V2_NO_DEFAULT = V2.replace(", \"default\": 0", "");

    private final RegistryState state = new RegistryState();
    private final InMemorySchemaLog log = new InMemorySchemaLog(state);
    private final SchemaRegistry registry = new SchemaRegistry(state, log);

    @Test
    void shouldGiveTheSameIdToTheSameSchemaAndWriteItOnce() {
        int id = registry.register("s", V1);

        String reformatted = "  {\"name\": \"R\", \"type\": \"record\",\n"
                + " \"fields\": [{\"type\": \"string\", \"name\": \"id\"}]}";
        assertThat(registry.register("s", reformatted))
                .isEqualTo(id)
                .isEqualTo(1);
        assertThat(log.records()).containsExactly(new SchemaVersion("s", 1, 1, canonical(V1)));
    }

    @Test
    void shouldShareIdsAcrossSubjectsAndNumberVersionsPerSubject() {
        assertThat(registry.register("s", V1)).isEqualTo(1);
        assertThat(registry.register("s", V2)).isEqualTo(2);
        assertThat(registry.register("t", V2)).isEqualTo(2);

        assertThat(registry.version("t", "latest")).isEqualTo(new SchemaVersion("t", 1, 2, canonical(V2)));
        assertThat(registry.version("s", "2")).isEqualTo(new SchemaVersion("s", 2, 2, canonical(V2)));
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaWithoutWriting() {
        registry.register("s", V1);

        assertThatThrownBy(() -> registry.register("s", V2_NO_DEFAULT))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(409);
                })
                .hasMessageStartingWith("Schema being registered is incompatible with an earlier schema for subject \"s\"");
        assertThat(log.records()).hasSize(1);
    }

    @Test
    void shouldAcceptAnyChangeUnderNone() {
        registry.register("s", V1);
        registry.setSubjectCompatibility("s", Compatibility.NONE);

        assertThat(registry.register("s", "\"long\"")).isEqualTo(2);
    }

    @Test
    void shouldRefuseAnInvalidSchema() {
        for (String invalid : new String[] {"{not json", "{\"type\": \"nope\"}",
                "{\"type\": \"record\", \"name\": \"R\","
                        + " \"fields\": [{\"name\": \"n\", \"type\": \"int\", \"default\": \"x\"}]}"}) {
            assertThatThrownBy(() -> registry.register("s", invalid)).as(invalid)
                    .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
        }
    }

    @Test
    void shouldProposeAgainWhenAnotherInstanceTookTheVersionAndTheId() {
        log.racesNextAppend(new SchemaVersion("s", 1, 1, canonical(V1)));

        assertThat(registry.register("s", V2)).isEqualTo(2);
        assertThat(log.records()).containsExactly(
                new SchemaVersion("s", 1, 1, canonical(V1)),
                new SchemaVersion("s", 1, 1, canonical(V2)),
                new SchemaVersion("s", 2, 2, canonical(V2)));
    }

    @Test
    void shouldAnswerTheIdAnotherInstanceRegisteredConcurrently() {
        log.racesNextAppend(new SchemaVersion("s", 1, 4, canonical(V1)));

        assertThat(registry.register("s", V1)).isEqualTo(4);
        assertThat(registry.versions("s")).hasSize(1);
    }

    @Test
    void shouldCatchUpWithTheLogBeforeAnsweringNotFound() {
        log.writtenElsewhere(new SchemaVersion("s", 1, 5, canonical(V1)));

        assertThat(registry.schemaById(5)).isEqualTo(canonical(V1));
        assertThat(registry.lookup("s", V1)).isEqualTo(new SchemaVersion("s", 1, 5, canonical(V1)));
    }

    @Test
    void shouldTellAnUnknownSubjectFromAnUnknownSchemaOrVersion() {
        registry.register("s", V1);

        assertThat(errorCode(() -> registry.lookup("t", V1))).isEqualTo(40401);
        assertThat(errorCode(() -> registry.lookup("s", V2))).isEqualTo(40403);
        assertThat(errorCode(() -> registry.schemaById(2))).isEqualTo(40403);
        assertThat(errorCode(() -> registry.versions("t"))).isEqualTo(40401);
        assertThat(errorCode(() -> registry.version("s", "2"))).isEqualTo(40402);
        assertThat(errorCode(() -> registry.version("s", "0"))).isEqualTo(42202);
        assertThat(errorCode(() -> registry.version("s", "first"))).isEqualTo(42202);
    }

    private static int errorCode(Runnable call) {
        try {
            call.run();
        } catch (RegistryException e) {
            return e.errorCode();
        }
        throw new AssertionError("expected a RegistryException");
    }

    private static String canonical(String schema) {
        return new Schema.Parser().parse(schema).toString();
    }
}
