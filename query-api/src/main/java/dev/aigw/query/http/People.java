package dev.aigw.query.http;

import dev.aigw.control.v1.KeyEvent;
import dev.aigw.control.v1.KeyIssued;
import dev.aigw.control.KeyVerifier;
import io.helidon.http.Status;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is who, as the key topic records it: every person who can make a request holds a key, and every key carries its
 * owner's user id and username (a revoked key keeps them). A person's username is the one on their first key, which
 * only an admin can issue: keys issued later copy it (see {@link KeysService}), so one user id has one username and a
 * username names one user id. Keys written before that rule may disagree; the first key still decides.
 */
final class People {
    private final Map<String, String> usernames;

    private People(Map<String, String> usernames) {
        this.usernames = usernames;
    }

    /** The people of a snapshot of the key topic. */
    static People of(Collection<KeyEvent> keys) {
        Map<String, String> usernames = new LinkedHashMap<>();
        keys.stream().map(KeyVerifier::issued).sorted(Comparator.comparing(KeyIssued::getCreatedAt))
                .forEach(k -> usernames.putIfAbsent(k.getUserId(), k.getUsername()));
        return new People(usernames);
    }

    /**
     * The username of a key an admin issues to {@code userId}: a known person keeps the username they have (asking for
     * another is a conflict); a new person takes the one asked for (their user id by default) unless it, or their user
     * id, already names someone else, so that the audit's person filter always finds one person. 409 otherwise.
     */
    String usernameFor(String userId, Optional<String> asked) {
        Optional<String> current = usernameOf(userId);
        if (current.isPresent()) {
            if (asked.filter(u -> !u.equals(current.get())).isPresent()) {
                throw conflict("user " + userId + " already has keys under the username \"" + current.get()
                        + "\"; a person has one username, so leave username out or give that one");
            }
            return current.get();
        }
        String username = asked.orElse(userId);
        List<String> holders = named(username);
        if (!holders.isEmpty()) {
            throw conflict("the username \"" + username + "\" belongs to user " + holders.getFirst());
        }
        if (usernames.containsKey(username)) {
            throw conflict("the username \"" + username + "\" is the user id of another person");
        }
        List<String> named = named(userId);
        if (!named.isEmpty()) {
            throw conflict("the user id \"" + userId + "\" is the username of user " + named.getFirst());
        }
        return username;
    }

    /** The username of a known person. */
    Optional<String> usernameOf(String userId) {
        return Optional.ofNullable(usernames.get(userId));
    }

    private static ApiException conflict(String detail) {
        return new ApiException(Status.CONFLICT_409, "Conflict.", detail);
    }

    /** The user ids whose username is {@code username}: one at most, unless keys from before the rule disagree. */
    List<String> named(String username) {
        return usernames.entrySet().stream().filter(e -> e.getValue().equals(username)).map(Map.Entry::getKey).toList();
    }
}
