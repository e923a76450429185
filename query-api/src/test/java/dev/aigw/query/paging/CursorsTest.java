package dev.aigw.query.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.control.MasterKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorsTest {
    private static final String MASTER = MasterKey.generate();
    private final Cursors cursors = Cursors.from(MasterKey.parse(MASTER));
    private final CursorScope alice = new CursorScope("interceptions", "alice", "model=m");

    @Test
    void shouldGiveBackThePositionToAnotherNodeWithTheSameMasterKey() {
        String cursor = cursors.encode(alice, List.of("2026-11-23T10:00:00Z", "5b1f…"));

        assertThat(Cursors.from(MasterKey.parse(MASTER)).decode(cursor, alice)).containsExactly("2026-11-23T10:00:00Z", "5b1f…");
    }

    @Test
    void shouldRefuseACursorOfAnotherCallerViewOrSearch() {
        String cursor = cursors.encode(alice, List.of("p"));

        for (CursorScope other : List.of(new CursorScope("interceptions", "bob", "model=m"),
                new CursorScope("sessions", "alice", "model=m"), new CursorScope("interceptions", "alice", "model=x"))) {
            assertThatThrownBy(() -> cursors.decode(cursor, other)).isInstanceOf(PagingException.class)
                    .hasMessage("after cursor is not valid for this search and caller");
        }
    }

    @Test
    void shouldRefuseForgedAndMangledCursors() {
        String cursor = cursors.encode(alice, List.of("2026-11-23T10:00:00Z"));
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString("[\"1999-01-01T00:00:00Z\"]".getBytes())
                + cursor.substring(cursor.indexOf('.'));
        String otherKey = Cursors.from(MasterKey.parse(MasterKey.generate())).encode(alice, List.of("2026-11-23T10:00:00Z"));

        for (String bad : List.of(forgedPayload, otherKey, "nodot", "." + cursor, cursor + "x", "%%%.%%%", "")) {
            assertThatThrownBy(() -> cursors.decode(bad, alice)).as(bad).isInstanceOf(PagingException.class);
        }
    }
}
