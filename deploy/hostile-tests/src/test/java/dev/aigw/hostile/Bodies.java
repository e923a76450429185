package dev.aigw.hostile;

import dev.aigw.testkit.fixtures.Txtar;

/** The valid request body of each intercepted API, from the recorded fixtures. */
final class Bodies {
    static final String MESSAGES = Txtar.fixture("anthropic/simple.txtar").required("request");
    static final String CHAT = Txtar.fixture("openai/chatcompletions/simple.txtar").required("request");
    static final String RESPONSES = Txtar.fixture("openai/responses/blocking/simple.txtar").required("request");

    private Bodies() {
    }
}
