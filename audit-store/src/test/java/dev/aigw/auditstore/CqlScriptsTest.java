package dev.aigw.auditstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CqlScriptsTest {
    private static final String RF1 = "{'class': 'SimpleStrategy', 'replication_factor': 1}";

    @Test
    void shouldFillKeyspaceAndReplicationWhenRendering() {
        List<String> statements = CqlScripts.statements("audit_x", RF1);

        assertThat(statements.getFirst())
                .isEqualTo("CREATE KEYSPACE IF NOT EXISTS audit_x WITH replication = " + RF1);
        assertThat(statements).allSatisfy(s -> assertThat(s).contains("IF NOT EXISTS").doesNotContain("${"));
        assertThat(statements).anySatisfy(s -> assertThat(s).startsWith("CREATE TABLE IF NOT EXISTS audit_x.interceptions ("));
        assertThat(statements).noneSatisfy(s -> assertThat(s).contains("--"));
    }

    @Test
    void shouldAddTruncationMarksAfterCreatingTheTablesWhenRendering() {
        List<String> statements = CqlScripts.statements("audit_x", RF1);

        int created = statements.indexOf(statements.stream()
                .filter(s -> s.startsWith("CREATE TABLE IF NOT EXISTS audit_x.prompts (")).findFirst().orElseThrow());
        assertThat(statements.subList(created, statements.size()))
                .contains("ALTER TABLE audit_x.prompts ADD IF NOT EXISTS truncated frozen<map<text, text>>",
                        "ALTER TABLE audit_x.interceptions ADD IF NOT EXISTS truncated frozen<map<text, text>>");
    }

    @Test
    void shouldRefuseKeyspaceNamesThatCouldInjectCql() {
        assertThatThrownBy(() -> CqlScripts.statements("x; DROP KEYSPACE y", RF1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keyspace must match");
    }
}
