package dev.aigw.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Grafana dashboard in {@code deploy/grafana}, for tests that check the services serve what it queries. */
public final class Dashboard {
    private static final Pattern METRIC = Pattern.compile("\\b(?:coder_ai_gateway|kafka|jvm)_[a-z_]+");

    private Dashboard() {
    }

    /** Every metric name the dashboard's queries use, e.g. {@code coder_ai_gateway_tokens_total}. */
    public static Set<String> metricNames() {
        Path file = Path.of(System.getProperty("aigw.root", ".")).resolve("deploy/grafana/ai-gateway.json");
        try {
            Matcher m = METRIC.matcher(Files.readString(file));
            Set<String> names = new TreeSet<>();
            while (m.find()) {
                names.add(m.group());
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboard " + file.toAbsolutePath(), e);
        }
    }
}
