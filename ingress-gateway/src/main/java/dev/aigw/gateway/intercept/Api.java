package dev.aigw.gateway.intercept;

import dev.aigw.events.v1.Payload;
import dev.aigw.gateway.intercept.anthropic.MessagesRequest;
import dev.aigw.gateway.intercept.anthropic.MessagesResponse;
import dev.aigw.gateway.intercept.anthropic.MessagesStream;
import dev.aigw.gateway.intercept.openai.ChatRequest;
import dev.aigw.gateway.intercept.openai.ChatResponse;
import dev.aigw.gateway.intercept.openai.ChatStream;
import dev.aigw.gateway.intercept.responses.ResponseResult;
import dev.aigw.gateway.intercept.responses.ResponsesRequest;
import dev.aigw.gateway.intercept.responses.ResponsesStream;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/** The provider APIs the gateway intercepts and audits. */
public sealed interface Api {
    /** Anthropic Messages. */
    Api MESSAGES = new Messages();
    /** OpenAI Chat Completions. */
    Api CHAT = new Chat();
    /** OpenAI Responses. */
    Api RESPONSES = new Responses();

    /** Path of the API below the upstream base URL, e.g. {@code /chat/completions}. */
    String path();

    /** The request's audit facts; a body that is not a request of this API is a {@link BadRequestException}. */
    ApiRequest parse(byte[] body);

    /** The payloads of a successful blocking answer; throws when the answer is not JSON. */
    List<Payload> payloads(byte[] body) throws IOException;

    /** A follower of a successful streamed answer that hands what it finds to {@code record}. */
    StreamAudit follow(Consumer<Payload> record);

    /** The SSE bytes that tell a streaming client of this API that the stream failed midway. */
    byte[] streamError(String message);

    /** Anthropic Messages, served by Anthropic and Bedrock providers at {@code /v1/messages}. */
    record Messages() implements Api {
        @Override
        public String path() {
            return "/v1/messages";
        }

        @Override
        public ApiRequest parse(byte[] body) {
            return MessagesRequest.parse(body);
        }

        @Override
        public List<Payload> payloads(byte[] body) throws IOException {
            return MessagesResponse.payloads(body);
        }

        @Override
        public StreamAudit follow(Consumer<Payload> record) {
            return new MessagesStream(record);
        }

        @Override
        public byte[] streamError(String message) {
            ObjectNode error = BodyJson.emptyObject();
            error.put("type", "error").putObject("error").put("type", "api_error").put("message", message);
            return sse("event: error\ndata: " + error + "\n\n");
        }
    }

    /** OpenAI Chat Completions, served by OpenAI and Copilot providers. */
    record Chat() implements Api {
        @Override
        public String path() {
            return "/chat/completions";
        }

        @Override
        public ApiRequest parse(byte[] body) {
            return ChatRequest.parse(body);
        }

        @Override
        public List<Payload> payloads(byte[] body) throws IOException {
            return ChatResponse.payloads(body);
        }

        @Override
        public StreamAudit follow(Consumer<Payload> record) {
            return new ChatStream(record);
        }

        @Override
        public byte[] streamError(String message) {
            ObjectNode error = BodyJson.emptyObject();
            error.putObject("error").put("message", message).put("type", "server_error");
            return sse("data: " + error + "\n\ndata: [DONE]\n\n");
        }
    }

    /** OpenAI Responses, served by OpenAI and Copilot providers. */
    record Responses() implements Api {
        @Override
        public String path() {
            return "/responses";
        }

        @Override
        public ApiRequest parse(byte[] body) {
            return ResponsesRequest.parse(body);
        }

        @Override
        public List<Payload> payloads(byte[] body) throws IOException {
            return ResponseResult.payloads(body);
        }

        @Override
        public StreamAudit follow(Consumer<Payload> record) {
            return new ResponsesStream(record);
        }

        @Override
        public byte[] streamError(String message) {
            ObjectNode error = BodyJson.emptyObject();
            error.put("type", "error").put("code", "server_error").put("message", message);
            return sse("event: error\ndata: " + error + "\n\n");
        }
    }

    private static byte[] sse(String events) {
        return events.getBytes(StandardCharsets.UTF_8);
    }
}
