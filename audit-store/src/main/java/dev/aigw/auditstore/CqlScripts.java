package dev.aigw.auditstore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The audit keyspace's DDL as idempotent CQL statements, with the keyspace and replication filled in. */
public final class CqlScripts {
    private static final List<String> SCRIPTS = List.of("/cql/001_audit.cql", "/cql/002_truncation_marks.cql",
            "/cql/003_audit_chain.cql");
    private static final Pattern KEYSPACE = Pattern.compile("[a-z][a-z0-9_]{0,47}");

    private CqlScripts() {
    }

    /**
     * Statements that create the keyspace and every table if missing, then bring older tables up to date, in script
     * order.
     *
     * @param keyspace    lowercase keyspace name
     * @param replication a CQL replication map, e.g. {@code {'class': 'SimpleStrategy', 'replication_factor': 1}}
     */
    public static List<String> statements(String keyspace, String replication) {
        Objects.requireNonNull(replication, "replication");
        if (keyspace == null || !KEYSPACE.matcher(keyspace).matches()) {
            throw new IllegalArgumentException("keyspace must match " + KEYSPACE.pattern() + ": " + keyspace);
        }
        return SCRIPTS.stream()
                .map(CqlScripts::read)
                .map(CqlScripts::withoutComments)
                .map(s -> s.replace("${keyspace}", keyspace).replace("${replication}", replication))
                .flatMap(s -> Arrays.stream(s.split(";")))
                .map(String::strip)
                .filter(s -> !s.isBlank())
                .toList();
    }

    // Comments go before splitting on ';' because a comment may contain one.
    private static String withoutComments(String script) {
        return script.lines().filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n"));
    }

    private static String read(String resource) {
        try (InputStream in = CqlScripts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
