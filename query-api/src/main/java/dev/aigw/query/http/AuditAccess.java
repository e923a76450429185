package dev.aigw.query.http;

import dev.aigw.control.v1.KeyEvent;
import dev.aigw.control.v1.KeyRole;
import dev.aigw.query.search.SearchException;
import dev.aigw.query.search.SearchFilter;
import dev.aigw.query.search.SearchQuery;
import io.helidon.webserver.http.ServerRequest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who may read which audit rows. Every role may read; a member's search is narrowed to their own rows whatever it asks
 * for, while auditors and admins read everyone's. The {@code initiator} term takes a user id, {@code me}, or a
 * username, which is resolved to a user id through the gateway keys ({@link People}: one username names one person).
 */
final class AuditAccess {
    private final AdminAuth auth;
    private final Supplier<Collection<KeyEvent>> keys;

    AuditAccess(AdminAuth auth, Supplier<Collection<KeyEvent>> keys) {
        this.auth = auth;
        this.keys = keys;
    }

    /** The authenticated caller: 401 without a valid key. */
    Caller caller(ServerRequest req) {
        return auth.caller(req);
    }

    /** The authenticated caller and the search they may run, from {@code q}: 401 without a key, 400 for a bad q. */
    AuditRequest read(ServerRequest req) {
        return read(req, Map.of());
    }

    /** As {@link #read(ServerRequest)}, with terms given as their own parameters (each value taken whole). */
    AuditRequest read(ServerRequest req, Map<String, String> moreTerms) {
        Caller caller = auth.caller(req);
        return new AuditRequest(caller, scope(caller, SearchQuery.parse(req.query().first("q").orElse(""), moreTerms)));
    }

    /** The filter a caller may run: their own rows for a member, otherwise the asked initiator resolved to a user id. */
    SearchFilter scope(Caller caller, SearchFilter asked) {
        if (caller.role() == KeyRole.MEMBER) {
            return asked.onlyOf(caller.userId());
        }
        return asked.withInitiator(asked.initiator().map(term -> userId(term, caller)));
    }

    /** The person whose rows a caller is limited to: a member's own id, or none for auditors and admins. */
    Optional<String> onlyOwn(Caller caller) {
        return caller.role() == KeyRole.MEMBER ? Optional.of(caller.userId()) : Optional.empty();
    }

    private String userId(String term, Caller caller) {
        if (term.equals("me")) {
            return caller.userId();
        }
        People people = People.of(keys.get());
        if (people.usernameOf(term).isPresent()) {
            return term;
        }
        List<String> ids = people.named(term);
        if (ids.size() > 1) {
            // Only keys issued before usernames were tied to one person can disagree like this.
            throw new SearchException("search term initiator \"" + term + "\" is the username of " + ids.size()
                    + " people; give a user id");
        }
        // Nobody by that name: an id no key knows (perhaps of a deleted key) still finds that person's rows.
        return ids.isEmpty() ? term : ids.getFirst();
    }

    /** An authenticated audit read: who asks, and the search they may run. */
    record AuditRequest(Caller caller, SearchFilter filter) {
    }
}
