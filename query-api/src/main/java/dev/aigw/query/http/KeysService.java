package dev.aigw.query.http;

import dev.aigw.control.v1.KeyEvent;
import dev.aigw.control.v1.KeyIssued;
import dev.aigw.control.v1.KeyRevoked;
import dev.aigw.control.v1.KeyRole;
import dev.aigw.schemas.control.ControlPlane;
import dev.aigw.schemas.control.GatewayKeys;
import dev.aigw.schemas.control.KeyVerifier;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Gateway keys: {@code POST /keys}, {@code GET /keys[?user_id=]}, {@code DELETE /keys/{id}}. Admins manage everyone's
 * keys; others create, list and revoke their own, never with a higher role than theirs.
 */
public final class KeysService implements HttpService {
    private static final Logger LOG = Logger.getLogger(KeysService.class.getName());

    private final ControlPlane<?> control;
    private final AdminAuth auth;
    private final Clock clock;

    /** A service publishing to the key topic of {@code control}. */
    public KeysService(ControlPlane<?> control, AdminAuth auth, Clock clock) {
        this.control = control;
        this.auth = auth;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/keys", this::create)
                .get("/keys", this::list)
                .delete("/keys/{id}", this::revoke);
    }

    private void create(ServerRequest req, ServerResponse res) {
        Caller caller = auth.caller(req);
        JsonBody body = JsonBody.read(req);
        String userId = body.text("user_id").orElse(caller.userId());
        KeyRole role = role(body.text("role").orElse("member"));
        // KeyRole's symbols are ordered by privilege, member first.
        if (!caller.admin() && (!userId.equals(caller.userId()) || role.ordinal() > caller.role().ordinal())) {
            throw AdminAuth.forbidden("without the admin role a key can only be created for yourself, up to your own role");
        }
        Instant now = clock.instant();
        Instant expiresAt = body.text("expires_at").map(v -> expiry(v, now)).orElse(null);
        String username = body.text("username").orElse(userId.equals(caller.userId()) ? caller.username() : userId);
        GatewayKeys.NewKey key = GatewayKeys.generate();
        KeyIssued issued = new KeyIssued(required(userId, "user_id"), required(username, "username"), role,
                body.text("name").orElse("default"), now, expiresAt, ByteBuffer.wrap(GatewayKeys.hash(key.secret())),
                GatewayKeys.hint(key.full()));
        control.publish(new KeyEvent(key.id(), issued));
        LOG.info("key " + key.id() + " (" + issued.getHint() + ") issued to " + userId + " by " + caller.userId());
        res.status(Status.CREATED_201);
        Json.send(res, Created.of(key.full(), KeyView.of(key.id(), new KeyEvent(key.id(), issued), now)));
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
        Json.send(res, new KeyPage(keys.size(), keys));
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
        Json.send(res, KeyView.of(id, event, now));
    }

    private static KeyRole role(String value) {
        try {
            return KeyRole.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw JsonBody.invalid("role", "must be member, auditor or admin, got \"" + value + "\"");
        }
    }

    private static Instant expiry(String value, Instant now) {
        Instant at;
        try {
            at = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw JsonBody.invalid("expires_at", "must be an RFC 3339 time such as 2027-01-01T00:00:00Z");
        }
        if (!at.isAfter(now)) {
            throw JsonBody.invalid("expires_at", "must be in the future");
        }
        return at;
    }

    private static String required(String value, String field) {
        if (value.isBlank()) {
            throw JsonBody.invalid(field, "must not be empty");
        }
        return value;
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
