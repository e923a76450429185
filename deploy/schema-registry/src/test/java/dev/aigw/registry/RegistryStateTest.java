package dev.aigw.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistryStateTest {
    private static final String A = "\"string\"";
    private static final String B = "\"int\"";

    private final RegistryState state = new RegistryState();

    @Test
    void shouldProposeTheNextVersionAndTheNextId() {
        assertThat(state.proposal("s", A)).isEqualTo(new SchemaVersion("s", 1, 1, A));
        state.apply(state.proposal("s", A));

        assertThat(state.proposal("s", B)).isEqualTo(new SchemaVersion("s", 2, 2, B));
    }

    @Test
    void shouldReuseTheIdOfAnIdenticalSchemaInAnotherSubject() {
        state.apply(new SchemaVersion("s", 1, 1, A));
        state.apply(new SchemaVersion("s", 2, 2, B));

        assertThat(state.proposal("t", B)).isEqualTo(new SchemaVersion("t", 1, 2, B));
    }

    @Test
    void shouldKeepTheFirstOfTwoConcurrentProposalsForTheSameVersion() {
        assertThat(state.apply(new SchemaVersion("s", 1, 1, A))).isTrue();
        assertThat(state.apply(new SchemaVersion("s", 1, 2, B))).isFalse();

        assertThat(state.versions("s")).containsExactly(new SchemaVersion("s", 1, 1, A));
        assertThat(state.schema(2)).isEmpty();
    }

    @Test
    void shouldRejectAnIdAlreadyGivenToAnotherSchema() {
        state.apply(new SchemaVersion("s", 1, 1, A));

        assertThat(state.apply(new SchemaVersion("t", 1, 1, B))).isFalse();
        assertThat(state.apply(new SchemaVersion("t", 1, 7, A))).isFalse();
        assertThat(state.subjects()).containsExactly("s");
    }

    @Test
    void shouldRejectTheSameSchemaTwiceInOneSubject() {
        state.apply(new SchemaVersion("s", 1, 1, A));

        assertThat(state.apply(new SchemaVersion("s", 2, 1, A))).isFalse();
        assertThat(state.versions("s")).hasSize(1);
    }

    @Test
    void shouldLetTheLatestConfigWinAndFallBackToTheGlobalLevel() {
        assertThat(state.compatibility("s")).isEqualTo(Compatibility.BACKWARD);
        state.apply(new LogRecord.GlobalConfig(Compatibility.FULL));
        state.apply(new LogRecord.SubjectConfig("s", Compatibility.NONE));
        state.apply(new LogRecord.SubjectConfig("s", Compatibility.FORWARD));

        assertThat(state.compatibility("s")).isEqualTo(Compatibility.FORWARD);
        assertThat(state.compatibility("t")).isEqualTo(Compatibility.FULL);
        assertThat(state.subjectCompatibility("t")).isEmpty();
    }

    @Test
    void shouldListSubjectsSorted() {
        state.apply(new SchemaVersion("b", 1, 1, A));
        state.apply(new SchemaVersion("a", 1, 1, A));

        assertThat(state.subjects()).containsExactly("a", "b");
    }
}
