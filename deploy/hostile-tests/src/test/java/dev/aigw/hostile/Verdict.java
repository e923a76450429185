package dev.aigw.hostile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rules every answer to a hostile request is held to: no 5xx except deliberate ones (501 for a method or coding
 * the server does not implement, 505 for an HTTP version it refuses, 503 with Retry-After for a full spool), each
 * carrying its reason; every error with a non-empty body in the service's error shape.
 */
final class Verdict {
    private Verdict() {
    }

    static String of(Case c, Answer answer) {
        if (!answer.answered()) {
            return c.expect() == Case.Expect.MAY_CLOSE ? null : "closed the connection without an answer";
        }
        int status = answer.status();
        if (status < 0) {
            return "answered something that is not HTTP: " + answer.brief();
        }
        boolean deliberate = status == 501 || status == 505 || status == 503 && answer.header("Retry-After").isPresent();
        if (status >= 500 && !deliberate) {
            return "server error " + answer.brief();
        }
        if (c.expect() == Case.Expect.WORKS && (status < 200 || status > 299)) {
            return "valid request refused: " + answer.brief();
        }
        if (c.expect() == Case.Expect.REFUSED && status < 400) {
            return "accepted (" + status + ") what must be refused";
        }
        return status >= 400 && !c.head() ? shapeProblem(c.shape(), answer) : null;
    }

    /** Null when an error answer's body is non-empty and in {@code shape}, else what is wrong with it. */
    static String shapeProblem(Case.Shape shape, Answer answer) {
        if (answer.body().length == 0) {
            return answer.status() + " with an empty body";
        }
        JsonNode body = answer.json();
        boolean ok = body != null && switch (shape) {
            case ANTHROPIC -> anthropic(body);
            case OPENAI -> openAi(body);
            case EITHER_PROVIDER -> anthropic(body) || openAi(body);
            case QUERY_API -> text(body.path("message"));
        };
        return ok ? null : "error body not in the " + shape + " shape: " + answer.brief();
    }

    static boolean anthropic(JsonNode body) {
        return "error".equals(body.path("type").asText()) && text(body.path("error").path("type"))
                && text(body.path("error").path("message"));
    }

    static boolean openAi(JsonNode body) {
        return !body.has("type") && text(body.path("error").path("message")) && text(body.path("error").path("type"));
    }

    private static boolean text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank();
    }
}
