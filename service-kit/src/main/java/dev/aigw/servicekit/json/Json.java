package dev.aigw.servicekit.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON mappers of every service, each configured in this one place. A mapper is thread-safe once built and costly
 * to build, so each is built once and shared; none may be reconfigured after this class hands it out.
 */
public final class Json {
    /**
     * Jackson's defaults: trees, provider bodies, log lines, error bodies, cursors and the registry's REST API, where
     * the names on the wire are written out by hand.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder().build();

    /**
     * A request body that must be exactly one JSON value: {@code {}{}} is refused, not read as its first object.
     */
    public static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The query API's response records: snake_case fields and RFC 3339 times. */
    public static final ObjectMapper API = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private Json() {
    }

    /**
     * Configures {@code mapper} (of any format: JSON, Smile) for records kept between versions of a service: times as
     * Java time types, nulls left out, fields a newer version added ignored by an older one.
     */
    public static <M extends ObjectMapper> M forStoredRecords(M mapper) {
        mapper.registerModule(new JavaTimeModule())
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return mapper;
    }
}
