package dev.aigw.gateway.bedrock;

import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.gateway.config.UpstreamTimeouts;
import dev.aigw.gateway.intercept.Interception;
import dev.aigw.gateway.intercept.BodyJson;
import dev.aigw.gateway.intercept.sse.SseEvent;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;

/**
 * Why a Bedrock call failed: what the client is told, in the Anthropic API's shape and with the status the Anthropic
 * API would give, and what the interception records.
 */
final class BedrockFailure extends RuntimeException {
    // Bedrock errors whose status says something else to an Anthropic client: 529 is Anthropic's "overloaded, try
    // again", which its clients retry; a model's own failure is the provider's 500, not the client's 424.
    private static final Map<String, Integer> STATUS_BY_CODE = Map.of(
            "ThrottlingException", 429,
            "ServiceQuotaExceededException", 429,
            "ModelNotReadyException", 529,
            "ServiceUnavailableException", 529,
            "ModelTimeoutException", 504,
            "ModelErrorException", 500,
            "ModelStreamErrorException", 500,
            "InternalServerException", 500);

    private final int status;
    private final String type;
    private final Integer upstreamStatus;
    private final String recordedType;
    private final String recorded;

    private BedrockFailure(int status, String message, Integer upstreamStatus, String recordedType, String recorded) {
        super(message);
        this.status = status;
        this.type = anthropicType(status);
        this.upstreamStatus = upstreamStatus;
        this.recordedType = recordedType;
        this.recorded = recorded;
    }

    /** The provider's settings cannot make a Bedrock call. */
    static BedrockFailure configuration(String message) {
        return new BedrockFailure(500, message, null, "bedrock_configuration", message);
    }

    /** The default credential chain found no AWS credentials. */
    static BedrockFailure credentials(String provider, RuntimeException cause) {
        String message = "provider " + provider + " found no AWS credentials (static keys or the default chain: environment,"
                + " profiles, SSO, IAM roles): " + cause.getMessage();
        return new BedrockFailure(500, message, null, "bedrock_credentials", message);
    }

    /** Bedrock sent nothing for {@code seconds}; {@code before} names what it did not send. */
    static BedrockFailure silent(String recordedType, String before, long seconds) {
        String message = "Bedrock sent no " + before + " within " + seconds + "s";
        return new BedrockFailure(504, message, null, recordedType, message);
    }

    /** The failure behind an exception of an SDK call. */
    static BedrockFailure of(Throwable thrown, UpstreamTimeouts timeouts) {
        Throwable e = thrown;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return switch (e) {
            case BedrockFailure failure -> failure;
            case AwsServiceException service -> upstream(service);
            default -> new BedrockFailure(502, "Bedrock unreachable: " + e.getMessage(), null, "upstream_unreachable",
                    "Bedrock unreachable: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        };
    }

    // Bedrock's own message goes to the client; its error code, which the message may not name, to the record.
    private static BedrockFailure upstream(AwsServiceException e) {
        String code = e instanceof BedrockRuntimeException && e.getClass() != BedrockRuntimeException.class
                ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage() : e.getMessage();
        int status = STATUS_BY_CODE.getOrDefault(code, e.statusCode() >= 400 ? e.statusCode() : 500);
        return new BedrockFailure(status, message, e.statusCode(), "upstream_error",
                "upstream status " + e.statusCode() + " (" + code + "): " + message);
    }

    private static String anthropicType(int status) {
        return switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 504 -> "timeout_error";
            case 529 -> "overloaded_error";
            default -> status < 500 ? "invalid_request_error" : "api_error";
        };
    }

    int status() {
        return status;
    }

    /** The Anthropic error type the client is told. */
    String type() {
        return type;
    }

    /** Bedrock's HTTP status, when it answered. */
    Integer upstreamStatus() {
        return upstreamStatus;
    }

    /** The {@code error_type} the interception records. */
    String recordedType() {
        return recordedType;
    }

    /** The {@code error_message} the interception records. */
    String recorded() {
        return recorded;
    }

    /** Ends the interception as failed and answers the client with this error, before anything else was sent. */
    void answer(ServerResponse res, Interception interception) {
        interception.end(InterceptionStatus.FAILED, upstreamStatus, recordedType, recorded);
        res.status(Status.create(status)).header(HeaderNames.CONTENT_TYPE, "application/json").send(body());
    }

    /** The Anthropic error body: {@code {"type":"error","error":{"type","message"}}}. */
    byte[] body() {
        return error().getBytes(StandardCharsets.UTF_8);
    }

    /** The same error as the SSE event an Anthropic stream ends with. */
    SseEvent event() {
        return new SseEvent("error", error());
    }

    private String error() {
        var body = BodyJson.emptyObject().put("type", "error");
        body.putObject("error").put("type", type).put("message", getMessage());
        return body.toString();
    }
}
