package dev.aigw.hostile;

import dev.aigw.testkit.generate.ValidRequest;

/** The valid request body of each intercepted API, from the recorded fixtures. */
final class Bodies {
    static final String MESSAGES = ValidRequest.MESSAGES.body();
    static final String CHAT = ValidRequest.CHAT.body();
    static final String RESPONSES = ValidRequest.RESPONSES.body();

    private Bodies() {
    }
}
