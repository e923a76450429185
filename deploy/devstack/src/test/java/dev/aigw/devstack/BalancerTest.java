package dev.aigw.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BalancerTest {

    @Test
    void shouldHealthCheckEveryNodeBehindEachFrontend() {
        String config = Balancer.config(List.of(
                new Balancer.Frontend("gateway", 8080, List.of(new Balancer.Backend("gateway-1", 8180), new Balancer.Backend("gateway-2", 8181))),
                new Balancer.Frontend("query-api", 8081, List.of(new Balancer.Backend("query-api-1", 8190)))));

        assertThat(config)
                .contains("frontend gateway\n    bind 127.0.0.1:8080\n    default_backend gateway-nodes\n")
                .contains("frontend query-api\n    bind 127.0.0.1:8081\n")
                .contains("    server gateway-1 127.0.0.1:8180 check\n    server gateway-2 127.0.0.1:8181 check\n")
                .contains("    server query-api-1 127.0.0.1:8190 check\n")
                .contains("http-check send meth GET uri /health/ready ver HTTP/1.1 hdr Host 127.0.0.1", "http-check expect status 200");
        assertThat(config.indexOf("server query-api-1")).isGreaterThan(config.indexOf("backend query-api-nodes"));
        assertThat(config.split("option httpchk", -1)).hasSize(3);
    }
}
