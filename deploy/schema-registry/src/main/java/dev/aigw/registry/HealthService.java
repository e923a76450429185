package dev.aigw.registry;

import java.util.Map;
import java.util.function.BooleanSupplier;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code /health/live} and {@code /health/ready}; ready means the schemas topic is read to its end and followed. */
final class HealthService implements HttpService {
    private final BooleanSupplier ready;

    HealthService(BooleanSupplier ready) {
        this.ready = ready;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/live", (req, res) -> JsonExchange.send(res, Map.of("status", "UP")))
                .get("/ready", this::readiness);
    }

    private void readiness(ServerRequest req, ServerResponse res) {
        boolean up = ready.getAsBoolean();
        JsonExchange.send(res, up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, Map.of("status", up ? "UP" : "DOWN"));
    }
}
