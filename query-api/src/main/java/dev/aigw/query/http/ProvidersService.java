package dev.aigw.query.http;

import dev.aigw.control.ControlState;
import dev.aigw.control.ProviderRules;
import dev.aigw.control.ProviderSettings;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Provider configuration (admin only): {@code GET /providers}, {@code GET|PUT|DELETE /providers/{name}}. Secrets are
 * write-only: reads show masked hints, and a PUT without {@code keys} keeps the current ones. {@code POST
 * /providers/reseal} rewrites every provider sealed under the current master key, the middle step of a key rotation.
 */
public final class ProvidersService implements HttpService {
    private static final Logger LOG = Logger.getLogger(ProvidersService.class.getName());

    private final ControlState<ProviderSettings> control;
    private final AdminAuth auth;

    /** A service publishing to the provider topic of {@code control}. */
    public ProvidersService(ControlState<ProviderSettings> control, AdminAuth auth) {
        this.control = control;
        this.auth = auth;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/providers", this::list)
                .get("/providers/{name}", this::one)
                .put("/providers/{name}", this::put)
                .delete("/providers/{name}", this::delete)
                .post("/providers/reseal", this::reseal);
    }

    private void reseal(ServerRequest req, ServerResponse res) {
        Caller caller = auth.requireAdmin(req);
        List<String> names = new ArrayList<>();
        for (ProviderSettings p : control.providers().snapshot().values()) {
            control.publish(p, caller.userId());
            names.add(p.name());
        }
        names.sort(null);
        LOG.info("providers " + names + " resealed under the current master key by " + caller.userId());
        JsonResponses.send(res, new Resealed(names.size(), names));
    }

    private void list(ServerRequest req, ServerResponse res) {
        auth.requireAdmin(req);
        List<ProviderView> providers = control.providers().snapshot().values().stream()
                .map(ProviderView::of)
                .sorted(Comparator.comparing(ProviderView::name))
                .toList();
        JsonResponses.send(res, new ProviderPage(providers.size(), providers));
    }

    private void one(ServerRequest req, ServerResponse res) {
        auth.requireAdmin(req);
        JsonResponses.send(res, ProviderView.of(existing(req.path().pathParameters().get("name"))));
    }

    private void put(ServerRequest req, ServerResponse res) {
        Caller caller = auth.requireAdmin(req);
        String name = req.path().pathParameters().get("name");
        Optional<ProviderSettings> current = control.providers().get(name);
        ProviderSettings wanted = ProviderRequest.parse(name, JsonBody.read(req), current);
        List<String> problems = ProviderRules.problems(wanted);
        if (!problems.isEmpty()) {
            throw new ApiException(Status.BAD_REQUEST_400, "Invalid provider: " + problems.getFirst().split(" ", 2)[0] + ".",
                    String.join("; ", problems));
        }
        control.publish(wanted, caller.userId());
        LOG.info("provider " + name + (current.isPresent() ? " changed" : " created") + " by " + caller.userId());
        res.status(current.isPresent() ? Status.OK_200 : Status.CREATED_201);
        JsonResponses.send(res, ProviderView.of(wanted));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        Caller caller = auth.requireAdmin(req);
        String name = req.path().pathParameters().get("name");
        existing(name);
        control.deleteProvider(name);
        LOG.info("provider " + name + " deleted by " + caller.userId());
        res.status(Status.NO_CONTENT_204).send();
    }

    private ProviderSettings existing(String name) {
        return control.providers().get(name)
                .orElseThrow(() -> new ApiException(Status.NOT_FOUND_404, "Resource not found.", "no provider " + name));
    }

    /** Names of the providers sealed anew. */
    record Resealed(int count, List<String> names) {
    }

    /** A page of providers. */
    record ProviderPage(int count, List<ProviderView> results) {
    }
}
