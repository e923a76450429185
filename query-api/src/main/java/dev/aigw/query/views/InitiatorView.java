package dev.aigw.query.views;

/**
 * Who made a request. The gateway knows a person by user id and username only: {@code name} repeats the username and
 * there is no avatar.
 */
public record InitiatorView(String id, String username, String name, String avatarUrl) {
    static InitiatorView of(String id, String username) {
        return new InitiatorView(id, username, username, null);
    }
}
