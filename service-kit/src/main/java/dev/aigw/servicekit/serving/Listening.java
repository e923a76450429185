package dev.aigw.servicekit.serving;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;

/** Starting a service's HTTP listener so that a listener that could not bind stops the service. */
public final class Listening {
    private Listening() {
    }

    /**
     * Builds and starts {@code server}, failing when it is not running afterwards. Helidon logs a listener that cannot
     * bind (a port in use), shuts the server down and returns it from {@code start()} without throwing; a service that
     * went on would run without its HTTP side and, once its other threads end, exit with code 0 as if asked to stop.
     */
    public static WebServer start(WebServerConfig.Builder server) {
        WebServer started = server.build().start();
        if (!started.isRunning()) {
            throw new IllegalStateException("the HTTP listener on " + server.host() + ":" + server.port()
                    + " did not start (the reason is logged above; often the port is already in use)");
        }
        return started;
    }
}
