package dev.aigw.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void shouldChooseABlockOfBindablePortsBelowTheEphemeralRange() throws IOException {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        int ephemeralStart = Files.isReadable(range)
                ? Integer.parseInt(Files.readAllLines(range).get(0).strip().split("\\s+")[0]) : 32_768;
        for (int i = 0; i < 20; i++) {
            int base = Ports.freeBlock(18);
            assertThat(base + 18).isLessThanOrEqualTo(ephemeralStart);
            assertThat(IntStream.range(base, base + 18)).noneMatch(Ports::isListening);
        }
    }
}
