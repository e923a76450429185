package dev.aigw.servicekit.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.Test;

class ListeningTest {

    @Test
    void shouldFailWhenThePortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Listening.start(WebServer.builder().host("127.0.0.1").port(taken.getLocalPort())
                    .routing(r -> r.get("/", (req, res) -> res.send("ok")))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void shouldReturnARunningServerWhenThePortIsFree() {
        WebServer server = Listening.start(WebServer.builder().host("127.0.0.1").port(0)
                .routing(r -> r.get("/", (req, res) -> res.send("ok"))));
        try {
            assertThat(server.isRunning()).isTrue();
            assertThat(server.port()).isPositive();
        } finally {
            server.stop();
        }
    }
}
