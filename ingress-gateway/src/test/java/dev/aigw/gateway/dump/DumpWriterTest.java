package dev.aigw.gateway.dump;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DumpWriterTest {
    private final List<Runnable> queued = new ArrayList<>();
    private final List<String> done = new ArrayList<>();
    private final DumpWriter writer = new DumpWriter(queued::add, "dumps/claude");

    @Test
    void shouldGiveUpTheWritesButStillFinishWhenTheDiskFallsTooFarBehind() {
        writer.write(10 << 20, () -> done.add("first chunk"));
        writer.write(10 << 20, () -> done.add("second chunk"));
        writer.finish(() -> done.add("close"));

        queued.forEach(Runnable::run);

        assertThat(done).containsExactly("close");
    }

    @Test
    void shouldSkipEveryWriteAfterAFailureButStillFinish() {
        writer.write(1, () -> {
            throw new IOException("disk full");
        });
        writer.write(1, () -> done.add("next chunk"));
        writer.finish(() -> done.add("close"));

        queued.forEach(Runnable::run);

        assertThat(done).containsExactly("close");
    }
}
