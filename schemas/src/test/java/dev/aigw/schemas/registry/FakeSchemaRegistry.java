package dev.aigw.schemas.registry;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.avro.Schema;

/** In-process stand-in for a Confluent registry: the two endpoints the client uses, recording every request. */
public final class FakeSchemaRegistry implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REGISTER = Pattern.compile("/subjects/([^/]+)/versions");
    private static final Pattern BY_ID = Pattern.compile("/schemas/ids/(\\d+)");

    /** One request as the fake received it. */
    public record Request(String method, String path, String contentType, String body) {
    }

    private record Canned(int status, String body) {
    }

    private final HttpServer server;
    private final AtomicInteger nextId;
    private final Map<String, Integer> idsBySchema = new ConcurrentHashMap<>();
    private final Map<Integer, String> schemasById = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Queue<Canned> canned = new ArrayDeque<>();

    private FakeSchemaRegistry(int firstId) throws IOException {
        this.nextId = new AtomicInteger(firstId);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a fake that hands out ids from {@code firstId} upwards. */
    public static FakeSchemaRegistry start(int firstId) {
        try {
            return new FakeSchemaRegistry(firstId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Base URL of the fake. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request received so far, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Makes the registry know {@code schema} under {@code id}, as if another producer had registered it. */
    public void preload(int id, Schema schema) {
        idsBySchema.put(schema.toString(), id);
        schemasById.put(id, schema.toString());
    }

    /** Answers the next request with this status and body instead of handling it. */
    public synchronized void failNext(int status, String body) {
        canned.add(new Canned(status, body));
    }

    private synchronized Canned nextCanned() {
        return canned.poll();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        requests.add(new Request(method, path, exchange.getRequestHeaders().getFirst("Content-Type"), body));
        Canned answer = nextCanned();
        if (answer == null) {
            answer = route(method, path, body);
        }
        byte[] bytes = answer.body().getBytes(UTF_8);
        exchange.getResponseHeaders().add("Content-Type", SchemaRegistryClient.CONTENT_TYPE);
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Canned route(String method, String path, String body) throws IOException {
        Matcher register = REGISTER.matcher(path);
        if (method.equals("POST") && register.matches()) {
            String schema = new Schema.Parser().parse(JSON.readTree(body).get("schema").asText()).toString();
            int id = idsBySchema.computeIfAbsent(schema, s -> nextId.getAndIncrement());
            schemasById.put(id, schema);
            return new Canned(200, JSON.writeValueAsString(Map.of("id", id)));
        }
        Matcher byId = BY_ID.matcher(path);
        if (method.equals("GET") && byId.matches()) {
            String schema = schemasById.get(Integer.parseInt(byId.group(1)));
            return schema == null
                    ? new Canned(404, "{\"error_code\":40403,\"message\":\"Schema " + byId.group(1) + " not found\"}")
                    : new Canned(200, JSON.writeValueAsString(Map.of("schema", schema)));
        }
        return new Canned(404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
