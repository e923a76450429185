package dev.aigw.hostile;

/**
 * One hostile request over the wire and what it must get.
 *
 * @param name      what is wrong with it, for the report
 * @param port      the service it goes to
 * @param bytes     the request as sent
 * @param expect    what the answer must be
 * @param shape     the error shape every error answer must have
 * @param halfClose whether the client stops sending after it (a body shorter than announced, then nothing)
 * @param head      whether it is a HEAD request, whose answers have no body
 */
record Case(String name, int port, byte[] bytes, Expect expect, Shape shape, boolean halfClose, boolean head) {

    /** What an answer must be. Every one: no 5xx but deliberate ones, and an error body in the shape. */
    enum Expect {
        /** 2xx: valid HTTP, however unusual (chunk extensions, HTTP/1.1 features), must work. */
        WORKS,
        /** 4xx (or a deliberate 501/505 with its reason): input that must not be accepted. */
        REFUSED,
        /** Any answer but an undeliberate 5xx; the server may accept or refuse. */
        ANSWERED,
        /** As {@link #ANSWERED}, or no answer at all: the client went away before its request was complete. */
        MAY_CLOSE
    }

    /** The error shape a service must answer in. */
    enum Shape {
        /** {@code {"type":"error","error":{"type","message"}}} */
        ANTHROPIC,
        /** {@code {"error":{"message","type"}}} */
        OPENAI,
        /** Either provider's shape: the request named no provider, or cannot be read far enough to tell. */
        EITHER_PROVIDER,
        /** The query API's {@code {"message","detail"}}. */
        QUERY_API
    }

    /** Judges {@code answer}; null when it is right, else what is wrong. */
    String judge(Answer answer) {
        return Verdict.of(this, answer);
    }
}
