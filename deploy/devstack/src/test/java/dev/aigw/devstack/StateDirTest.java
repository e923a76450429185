package dev.aigw.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirTest {
    @TempDir
    Path dir;

    @Test
    void shouldKeepOnlyTheBuildStampWhenWiped() throws Exception {
        StateDir state = new StateDir(dir);
        Files.createDirectories(state.data("kafka").resolve("data"));
        Files.writeString(state.data("kafka").resolve("data/meta.properties"), "x");
        Files.writeString(dir.resolve(StateDir.BUILD_STAMP), "");
        state.wipe();
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(dir.resolve(StateDir.BUILD_STAMP));
        }
    }

    @Test
    void shouldFindALiveRecordedProcessOnlyWhenItsCommandLineCarriesTheMarker() {
        StateDir state = new StateDir(dir);
        long self = ProcessHandle.current().pid();
        state.writePid(state.pidFile(0, "kafka"), self);
        state.writePid(state.pidFile(5, "gateway"), Long.MAX_VALUE);
        assertThat(state.leftoverParts(Path.of("java"))).containsExactly(self);
        assertThat(state.leftoverParts(Path.of("/no/such/checkout"))).isEmpty();
        assertThat(state.runningStack()).isEmpty();
    }
}
