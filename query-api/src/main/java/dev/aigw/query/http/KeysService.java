package dev.aigw.query.http;

import dev.aigw.control.v1.KeyEvent;
import dev.aigw.control.v1.KeyIssued;
import dev.aigw.control.v1.KeyRevoked;
import dev.aigw.control.ControlState;
import dev.aigw.control.GatewayKeys;
import dev.aigw.control.KeyVerifier;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Gateway keys: {@code POST /keys}, {@code GET /keys[?user_id=]}, {@code DELETE /keys/{id}}. Admins manage everyone's
 * keys; others create, list and revoke their own, never with a higher role than theirs. A key carries its owner's
 * user id and username, which the gateway records with every request made with it, so only an admin decides them:
 * see {@link People}.
 */
public final class KeysService implements HttpService {
    private static final Logger LOG = Logger.getLogger(KeysService.class.getName());

    private final ControlState<?> control;
    private final AdminAuth auth;
    private final Clock clock;
    private final Duration maxLifetime;

    /** A service publishing to the key topic of {@code control}; keys expire at most {@code maxLifetime} after creation. */
    public KeysService(ControlState<?> control, AdminAuth auth, Clock clock, Duration maxLifetime) {
        this.control = control;
        this.auth = auth;
        this.clock = clock;
        this.maxLifetime = maxLifetime;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/keys", this::create)
                .get("/keys", this::list)
                .delete("/keys/{id}", this::revoke);
    }

    private void create(ServerRequest req, ServerResponse res) {
        Caller caller = auth.caller(req);
        Instant now = clock.instant();
        KeyRequest wanted = KeyRequest.parse(JsonBody.read(req), now, maxLifetime);
        GatewayKeys.NewKey key = GatewayKeys.generate();
        KeyIssued issued;
        // Checked and published under one lock, so this node never lets two requests take one username at once.
        synchronized (this) {
            People people = People.of(control.keys().snapshot().values());
            Owner owner = caller.admin() ? ownerSetByAdmin(wanted, caller, people) : ownOwner(wanted, caller, people);
            issued = new KeyIssued(owner.userId(), owner.username(), wanted.role(), wanted.name(), now,
                    wanted.expiresAt().orElse(null), ByteBuffer.wrap(GatewayKeys.hash(key.secret())),
                    GatewayKeys.hint(key.full()));
            control.publish(new KeyEvent(key.id(), issued));
        }
        LOG.info("key " + key.id() + " (" + issued.getHint() + ") issued to " + issued.getUserId() + " by "
                + caller.userId());
        res.status(Status.CREATED_201);
        JsonResponses.send(res, Created.of(key.full(), KeyView.of(key.id(), new KeyEvent(key.id(), issued), now)));
    }

    /**
     * A key of one's own, for a caller without the admin role: its owner is the caller and its username the one an admin
     * gave the caller with their first key, and its role is at most the caller's. Asking for anything else is refused,
     * not ignored.
     */
    static Owner ownOwner(KeyRequest wanted, Caller caller, People people) {
        String username = people.usernameOf(caller.userId()).orElse(caller.username());
        if (wanted.userId().filter(u -> !u.equals(caller.userId())).isPresent()) {
            throw AdminAuth.forbidden("without the admin role a key can only be created for yourself, up to your own role");
        }
        if (wanted.username().filter(u -> !u.equals(username)).isPresent()) {
            throw AdminAuth.forbidden("a key carries its owner's username as an admin set it (yours is \""
                    + username + "\"); leave username out, or ask an admin");
        }
        // KeyRole's symbols are ordered by privilege, member first.
        if (wanted.role().ordinal() > caller.role().ordinal()) {
            throw AdminAuth.forbidden("without the admin role a key can only be created for yourself, up to your own role");
        }
        return new Owner(caller.userId(), username);
    }

    private static Owner ownerSetByAdmin(KeyRequest wanted, Caller caller, People people) {
        String userId = wanted.userId().orElse(caller.userId());
        return new Owner(userId, people.usernameFor(userId, wanted.username()));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Caller caller = auth.caller(req);
        Optional<String> userId = req.query().first("user_id").asOptional();
        if (!caller.admin() && userId.filter(u -> !u.equals(caller.userId())).isPresent()) {
            throw AdminAuth.forbidden("without the admin role you can only list your own keys");
        }
        Optional<String> owner = caller.admin() ? userId : Optional.of(caller.userId());
        Instant now = clock.instant();
        List<KeyView> keys = control.keys().snapshot().entrySet().stream()
                .filter(e -> owner.isEmpty() || KeyVerifier.issued(e.getValue()).getUserId().equals(owner.get()))
                .map(e -> KeyView.of(e.getKey(), e.getValue(), now))
                .sorted(Comparator.comparing(KeyView::createdAt))
                .toList();
        JsonResponses.send(res, new KeyPage(keys.size(), keys));
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        Caller caller = auth.caller(req);
        String id = req.path().pathParameters().get("id");
        KeyEvent event = control.keys().get(id)
                .orElseThrow(() -> new ApiException(Status.NOT_FOUND_404, "Resource not found.", "no key " + id));
        KeyIssued issued = KeyVerifier.issued(event);
        if (!caller.admin() && !issued.getUserId().equals(caller.userId())) {
            throw AdminAuth.forbidden("without the admin role you can only revoke your own keys");
        }
        Instant now = clock.instant();
        if (!(event.getPayload() instanceof KeyRevoked)) {
            event = new KeyEvent(id, new KeyRevoked(issued, now, caller.userId()));
            control.publish(event);
            LOG.info("key " + id + " (" + issued.getHint() + ") revoked by " + caller.userId());
        }
        JsonResponses.send(res, KeyView.of(id, event, now));
    }

    /** Whom a key is issued to. */
    record Owner(String userId, String username) {
    }

    /** A created key: the only response that ever contains the full key. */
    record Created(String id, String key, String userId, String username, String role, String name, String hint,
                   Instant createdAt, Instant expiresAt) {
        static Created of(String fullKey, KeyView v) {
            return new Created(v.id(), fullKey, v.userId(), v.username(), v.role(), v.name(), v.hint(), v.createdAt(),
                    v.expiresAt());
        }
    }

    /** A page of keys. */
    record KeyPage(int count, List<KeyView> results) {
    }
}
