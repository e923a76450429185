package dev.aigw.bench.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/** A run's results as pretty-printed JSON, for tools and for comparing runs; what was not measured is left out. */
public final class JsonReport {
    // Instant.toString() is ISO-8601, which spares a dependency on jackson-datatype-jsr310 for one field.
    private static final ObjectWriter WRITER = JsonMapper.builder()
            .addModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance))
            .defaultPropertyInclusion(JsonInclude.Value.empty().withValueInclusion(JsonInclude.Include.NON_NULL))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build()
            .writer();

    private JsonReport() {
    }

    /** Writes {@code report} to {@code file}, replacing it. */
    public static void write(BenchReport report, Path file) throws IOException {
        WRITER.writeValue(file.toFile(), report);
    }
}
