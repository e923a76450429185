package dev.aigw.servicekit.serving;

import dev.aigw.servicekit.config.ConfigException;
import dev.aigw.servicekit.config.Settings;
import dev.aigw.servicekit.logging.LogFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one way a service's {@code main} runs: keep logging through the shutdown, read the settings once, set the log
 * format from them, read the typed configuration, start the service with the clock it is given, and stop it from a
 * shutdown hook. An invalid configuration exits with status 2 and one line per problem; so does a refusal the service
 * names ({@link #refuse}); any other failure to start exits with status 1.
 *
 * <p>No logger is held in a static field: a main touches this class before the log manager is chosen.
 *
 * @param <C> the service's typed configuration
 * @param <S> the running service
 */
public final class ServiceMain<C, S extends AutoCloseable> {
    /** Reads a service's typed configuration; throws {@link ConfigException} with every problem, the given ones too. */
    @FunctionalInterface
    public interface Reader<C> {
        /** The configuration read from {@code settings}, failing with {@code problems} and its own. */
        C read(Settings settings, List<String> problems);
    }

    /** Starts a service. */
    @FunctionalInterface
    public interface Starter<C, S> {
        /** The running service. */
        S start(C config, Clock clock);
    }

    private final String name;
    private final Reader<C> reader;
    private final Starter<C, S> starter;
    private final Map<Class<? extends RuntimeException>, String> refusals = new LinkedHashMap<>();
    private BiFunction<C, S, String> announcement;

    private ServiceMain(String name, Reader<C> reader, Starter<C, S> starter) {
        this.name = name;
        this.reader = reader;
        this.starter = starter;
        this.announcement = (config, service) -> name + " started";
    }

    /** A main for the service called {@code name} in its messages. */
    public static <C, S extends AutoCloseable> ServiceMain<C, S> of(String name, Reader<C> reader, Starter<C, S> starter) {
        return new ServiceMain<>(name, reader, starter);
    }

    /**
     * Treats {@code failure} at start as the operator's to fix, like an invalid configuration: status 2 and
     * {@code "<name>: <meaning>:"} followed by the failure's message.
     */
    public ServiceMain<C, S> refuse(Class<? extends RuntimeException> failure, String meaning) {
        refusals.put(failure, meaning);
        return this;
    }

    /** The line logged once the service runs. */
    public ServiceMain<C, S> announce(BiFunction<C, S, String> announcement) {
        this.announcement = announcement;
        return this;
    }

    /** Runs the service from {@code env} and {@code args}; returns once it started, exits the process if it cannot. */
    public void run(Map<String, String> env, String[] args, Clock clock) {
        LogFormat.keepLoggingThroughShutdown();
        List<String> problems = new ArrayList<>();
        Settings settings = Settings.load(env, List.of(args), problems);
        LogFormat.configure(settings);
        Logger log = Logger.getLogger(ServiceMain.class.getName());
        C config;
        try {
            LogFormat.check(settings, problems);
            config = reader.read(settings, problems);
        } catch (ConfigException e) {
            exit(2, name + ": invalid configuration:\n" + e.getMessage());
            return;
        }
        S service;
        try {
            service = starter.start(config, clock);
        } catch (RuntimeException e) {
            for (Map.Entry<Class<? extends RuntimeException>, String> refusal : refusals.entrySet()) {
                if (refusal.getKey().isInstance(e)) {
                    exit(2, name + ": " + refusal.getValue() + ":\n" + e.getMessage());
                    return;
                }
            }
            log.log(Level.SEVERE, name + ": cannot start", e);
            exit(1, name + ": cannot start: " + e.getMessage());
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(service, log), name + "-shutdown"));
        log.info(announcement.apply(config, service));
    }

    private void stop(S service, Logger log) {
        try {
            service.close();
            log.info(name + " stopped");
        } catch (Exception e) {
            log.log(Level.WARNING, name + ": stopping failed", e);
        }
    }

    private static void exit(int status, String message) {
        System.err.println(message);
        System.exit(status);
    }
}
