package dev.aigw.bench.targets;

import dev.aigw.engines.ChildProcess;
import dev.aigw.engines.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * nginx as a plain reverse proxy to the mock: one worker, keep-alive to the upstream, no buffering (so streams pass
 * through as they come), no access log. The yardstick of what a proxy hop costs on this machine.
 */
public final class NginxTarget {
    private static final Duration READY = Duration.ofSeconds(30);

    private NginxTarget() {
    }

    /** Installs nginx if needed and starts it in front of the mock; the process is stopped by the caller. */
    public static Running start(Workspace workspace, Pinning pinning, int mockPort) {
        Path nginx = Installer.nginx();
        int port = Ports.freePort();
        Path dir = workspace.dir("nginx");
        Path conf = dir.resolve("nginx.conf");
        try {
            Files.createDirectories(dir.resolve("temp"));
            Files.writeString(conf, config(dir, port, mockPort));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildProcess process = ChildProcess.start("nginx", pinning.wrap(List.of(nginx.toString(), "-p", dir.toString(),
                "-c", conf.toString())), Map.of(), workspace.root(), workspace.log("nginx"));
        process.awaitReady(READY, () -> Ports.isListening(port));
        String version = Installer.firstLine(List.of(nginx.toString(), "-v")).replace("nginx version: ", "");
        Target target = new Target("nginx", version + ", 1 worker, upstream keep-alive, proxy_buffering off", port,
                "/v1/chat/completions", Map.of("Authorization", "Bearer sk-mock"), Optional.of(process.pid()));
        return new Running(target, process);
    }

    static String config(Path dir, int port, int mockPort) {
        return """
                daemon off;
                worker_processes 1;
                worker_rlimit_nofile 65536;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 16384; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/temp/body;
                    proxy_temp_path %1$s/temp/proxy;
                    fastcgi_temp_path %1$s/temp/fastcgi;
                    uwsgi_temp_path %1$s/temp/uwsgi;
                    scgi_temp_path %1$s/temp/scgi;
                    upstream mock { server 127.0.0.1:%3$d; keepalive 512; }
                    server {
                        listen 127.0.0.1:%2$d;
                        keepalive_requests 1000000;
                        location / {
                            proxy_pass http://mock;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_buffering off;
                            proxy_request_buffering off;
                            proxy_read_timeout 600s;
                        }
                    }
                }
                """.formatted(dir, port, mockPort);
    }
}
