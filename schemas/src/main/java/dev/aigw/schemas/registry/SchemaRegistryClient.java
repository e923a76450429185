package dev.aigw.schemas.registry;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Caching, retrying client of a Confluent-compatible schema registry.
 *
 * <p>Thread-safe. Each subject+schema is registered and each id is fetched at most once per client: ids are immutable in
 * the registry, so the caches never expire.
 */
public final class SchemaRegistryClient implements AutoCloseable {
    /** The media type of the Confluent REST API, version 1. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final String base;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final int maxAttempts;
    private final Duration retryBackoff;
    // Schema's equals/hashCode are structural and the hash is cached inside the schema, so the key is cheap to look up.
    private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

    SchemaRegistryClient(SchemaRegistryClientBuilder builder) {
        this.baseUrl = builder.baseUrl();
        this.base = baseUrl.toString().replaceAll("/+$", "");
        this.requestTimeout = builder.requestTimeout();
        this.maxAttempts = builder.maxAttempts();
        this.retryBackoff = builder.retryBackoff();
        // HTTP/1.1: registries are plain-HTTP services and an h2c upgrade attempt only adds a round of negotiation.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(builder.connectTimeout())
                .build();
    }

    /** A client with default timeouts and retries. */
    public static SchemaRegistryClient create(URI baseUrl) {
        return builder(baseUrl).build();
    }

    /** A builder to set timeouts and retries. */
    public static SchemaRegistryClientBuilder builder(URI baseUrl) {
        return new SchemaRegistryClientBuilder(baseUrl);
    }

    /** The registry this client talks to. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** Registers the schema under the subject (or finds it already registered) and returns its global id. */
    public int register(String subject, Schema schema) {
        requireNonNull(subject, "subject");
        requireNonNull(schema, "schema");
        // computeIfAbsent makes concurrent first calls wait for one request instead of each sending their own; the map
        // holds a handful of entries, so blocking one bin meanwhile costs nothing.
        return ids.computeIfAbsent(new SubjectSchema(subject, schema), this::registerRemotely);
    }

    /** The schema with this global id. */
    public Schema schemaById(int id) {
        return schemas.computeIfAbsent(id, this::fetchSchema);
    }

    private int registerRemotely(SubjectSchema key) {
        String what = "subject " + key.subject();
        HttpRequest request = request("/subjects/" + pathSegment(key.subject()) + "/versions")
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("schema", key.schema().toString()))))
                .build();
        JsonNode id = call(request, what).get("id");
        if (id == null || !id.canConvertToInt()) {
            throw new SchemaRegistryException(describe(request, what) + " answered without an integer \"id\"", 200, -1, null);
        }
        return id.intValue();
    }

    private Schema fetchSchema(int id) {
        String what = "schema id " + id;
        HttpRequest request = request("/schemas/ids/" + id).GET().build();
        JsonNode text = call(request, what).get("schema");
        if (text == null || !text.isTextual()) {
            throw new SchemaRegistryException(describe(request, what) + " answered without a \"schema\" string", 200, -1, null);
        }
        try {
            // A fresh parser per schema: a parser remembers named types and would reject the next schema redefining them.
            return new Schema.Parser().parse(text.asText());
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException(describe(request, what) + " answered an unparseable schema: " + e.getMessage(),
                    200, -1, e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(requestTimeout)
                .header("Accept", CONTENT_TYPE + ", application/json");
    }

    /** Sends the request, retrying transient failures with exponential backoff, and returns the parsed 2xx body. */
    private JsonNode call(HttpRequest request, String what) {
        for (int attempt = 1; ; attempt++) {
            Failure failure;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return JSON.readTree(response.body());
                }
                failure = Failure.of(status, response.body());
                if (!isTransient(status)) {
                    throw failure.exception(describe(request, what), attempt);
                }
            } catch (JsonProcessingException e) {
                throw new SchemaRegistryException(describe(request, what) + " answered invalid JSON: " + e.getOriginalMessage(),
                        200, -1, e);
            } catch (IOException e) {
                failure = new Failure(-1, -1, e.toString(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException(describe(request, what) + " was interrupted", -1, -1, e);
            }
            if (attempt >= maxAttempts) {
                throw failure.exception(describe(request, what), attempt);
            }
            pause(retryBackoff.multipliedBy(1L << (attempt - 1)), request, what);
        }
    }

    private static boolean isTransient(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    private static void pause(Duration delay, HttpRequest request, String what) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(describe(request, what) + " was interrupted", -1, -1, e);
        }
    }

    private static String describe(HttpRequest request, String what) {
        return "Schema registry " + request.method() + " " + request.uri() + " (" + what + ")";
    }

    private static String pathSegment(String value) {
        // URLEncoder encodes for forms, where a space is '+'; in a path it must be %20.
        return URLEncoder.encode(value, UTF_8).replace("+", "%20");
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for a map of strings", e);
        }
    }

    /** Closes the underlying HTTP client; cached schemas and ids stay readable. */
    @Override
    public void close() {
        http.close();
    }

    private record SubjectSchema(String subject, Schema schema) {
    }

    /** One failed attempt: the HTTP status and registry error, or the I/O error when there was no answer. */
    private record Failure(int status, int errorCode, String message, Throwable cause) {
        static Failure of(int status, String body) {
            try {
                JsonNode error = JSON.readTree(body);
                if (error != null && error.has("message")) {
                    return new Failure(status, error.path("error_code").asInt(-1), error.get("message").asText(), null);
                }
            } catch (JsonProcessingException e) {
                // Not the Confluent error shape (a proxy's HTML page, say): report the raw body below.
            }
            String raw = body == null ? "" : body.strip();
            return new Failure(status, -1, raw.length() > 200 ? raw.substring(0, 200) + "..." : raw, null);
        }

        SchemaRegistryException exception(String target, int attempts) {
            String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
            String answer = status < 0 ? message : "HTTP " + status + (errorCode < 0 ? "" : ", error_code " + errorCode)
                    + ": " + message;
            return new SchemaRegistryException(target + " failed" + tries + ": " + answer, status, errorCode, cause);
        }
    }
}
