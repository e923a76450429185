package dev.aigw.deploy.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.aigw.engines.Health;
import dev.aigw.engines.Ports;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.StackEnv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The three services' images as {@code package} built them ({@code <module>/target/jib-image.tar}): what they say
 * about themselves and what they hold, and that each one's entrypoint, run as a container runtime runs it (unpacked
 * layers as the root, the image's user, working directory and environment; see {@link ContainerProcess}), starts the
 * service against real Kafka, schema registry and Cassandra until it answers {@code /health/ready}, and stops on SIGTERM.
 */
@ExtendWith(RealStack.class)
class ImagesIT {

    private static final Path ROOT = Path.of(System.getProperty("aigw.root", "../.."));
    private static final Path WORK = Path.of("target", "images").toAbsolutePath();
    private static final Duration READY_DEADLINE = Duration.ofMinutes(3);
    private static final String USER = "65532:65532";
    private static final Map<Service, UnpackedImage> UNPACKED = new ConcurrentHashMap<>();

    // Where each file of an image may be: the service (Jib's /app), the runtime, glibc and its locale, the package
    // records and copyrights, the user and name-service files, and /tmp.
    private static final Pattern ALLOWED = Pattern.compile("(app|opt/java|lib|lib64|usr/lib/locale|usr/lib/\\w+-linux-gnu|usr/share/doc"
            + "|var/lib/dpkg/status.d|etc|tmp)(/.*)?|(opt|usr|usr/lib|usr/share|var|var/lib|var/lib/dpkg)/");
    private static final Pattern NOT_SHIPPED = Pattern.compile(".*(\\.java|/test-classes/.*|/[A-Z]\\w*(Test|IT)(\\$.*)?\\.class"
            + "|/(junit|assertj|testkit|engines|kafka-test-common|mockito)[^/]*\\.jar)");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(KEY|TOKEN|SECRET|PASSWORD|CREDENTIAL).*");

    /** A service's image: module, main class, the port it exposes and the variable that sets the port. */
    enum Service {
        GATEWAY("ingress-gateway", "dev.aigw.gateway.GatewayMain", 8080, "CODER_AI_GATEWAY_PORT"),
        RECORDER("recorder-streams", "dev.aigw.recorder.RecorderMain", 8082, "CODER_AI_GATEWAY_RECORDER_PORT"),
        QUERY("query-api", "dev.aigw.query.QueryMain", 8081, "CODER_AI_GATEWAY_QUERY_PORT"),
        SIEM("siem-stream", "dev.aigw.siem.SiemMain", 8086, "CODER_AI_GATEWAY_SIEM_PORT");

        final String module;
        final String mainClass;
        final int port;
        final String portVariable;

        Service(String module, String mainClass, int port, String portVariable) {
            this.module = module;
            this.mainClass = mainClass;
            this.port = port;
            this.portVariable = portVariable;
        }

        UnpackedImage image() {
            return UNPACKED.computeIfAbsent(this, s -> UnpackedImage.unpack(
                    ROOT.resolve(s.module).resolve("target/jib-image.tar"), WORK.resolve(s.module)));
        }
    }

    @BeforeAll
    static void requireRoot() throws IOException {
        // The runtime's part (mounts, a chroot, switching to the image's user) needs root; without it this fails, saying so.
        assertThat(Files.readString(Path.of("/proc/self/status")))
                .as("ImagesIT runs the images' entrypoints with unshare, mount and chroot, which need root")
                .containsPattern("(?m)^Uid:\\s+0\\s");
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void shouldRunTheServiceAsANonRootUserFromItsEntrypointWithLabelsAndNoSecrets(Service service) throws IOException {
        UnpackedImage image = service.image();
        var config = image.config();

        assertThat(config.path("User").asText()).isEqualTo(USER);
        assertThat(Files.readAllLines(image.file("/etc/passwd"))).contains("aigw:x:65532:65532:aigw:/tmp:/sbin/nologin");
        assertThat(image.command()).containsExactly("/opt/java/bin/java", "-XX:MaxRAMPercentage=75",
                "--enable-native-access=ALL-UNNAMED", "-cp", "@/app/jib-classpath-file", service.mainClass);
        assertThat(image.file("/opt/java/bin/java")).isExecutable();
        assertThat(image.file("/app/classes/" + service.mainClass.replace('.', '/') + ".class")).isRegularFile();
        for (String entry : Files.readString(image.file("/app/jib-classpath-file")).strip().split(":")) {
            assertThat(image.file(entry)).as("classpath entry %s", entry).exists();
        }
        assertThat(config.path("ExposedPorts").has(service.port + "/tcp")).as("exposes %d", service.port).isTrue();
        assertThat(config.path("Labels").path("org.opencontainers.image.title").asText()).isEqualTo(service.module);
        assertThat(config.path("Labels").path("org.opencontainers.image.version").asText()).isNotBlank();
        assertThat(config.path("Labels").path("org.opencontainers.image.description").asText()).isNotBlank();
        assertThat(image.env()).containsEntry("JAVA_HOME", "/opt/java").containsEntry("LANG", "C.UTF-8");
        assertThat(image.env().keySet()).noneMatch(name -> SECRET_NAME.matcher(name).matches());
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void shouldHoldOnlyTheServiceItsRuntimeAndLibrariesNoShellNoTestCode(Service service) throws IOException {
        UnpackedImage image = service.image();
        List<String> entries = image.layers().stream().flatMap(List::stream).toList();

        assertThat(entries).allMatch(entry -> ALLOWED.matcher(entry).matches(), "under the expected directories")
                .noneMatch(entry -> NOT_SHIPPED.matcher("/" + entry).matches())
                .contains("app/libs/schemas-" + image.config().path("Labels").path("org.opencontainers.image.version")
                        .asText() + ".jar", "lib64/ld-linux-x86-64.so.2", "usr/lib/locale/C.utf8/LC_CTYPE",
                        "usr/lib/x86_64-linux-gnu/libstdc++.so.6",
                        "var/lib/dpkg/status.d/libc6");
        assertThat(image.file("/bin/sh")).doesNotExist();
        // Everything belongs to root: the service's user can read the image but change nothing in it. (What is below
        // /tmp, /proc and /dev comes from running it, not from the image.)
        try (Stream<Path> files = Files.walk(image.rootfs())) {
            assertThat(files.filter(path -> Stream.of("/tmp", "/proc", "/dev").map(image::file)
                            .noneMatch(made -> path.startsWith(made) && !path.equals(made)))
                    .map(ImagesIT::owner)).containsOnly(0);
        }
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void shouldStartTheServiceFromTheImagesEntrypointAndStopOnSigterm(Service service) {
        Map<String, String> env = StackEnv.create(1);
        // The recorder's state and the gateway's spool stay at their defaults, under the image's /tmp.
        env.remove("CODER_AI_GATEWAY_DATA_DIR");
        env.put("CODER_AI_GATEWAY_MASTER_KEY", secret());
        env.put("CODER_AI_GATEWAY_ADMIN_TOKEN", secret());
        // The query API reads tables the recorder creates, so the recorder's image runs beside it.
        List<Service> started = service == Service.QUERY ? List.of(Service.RECORDER, Service.QUERY) : List.of(service);
        List<ContainerProcess> running = new ArrayList<>();
        try {
            for (Service each : started) {
                int port = Ports.freePort();
                env.put(each.portVariable, Integer.toString(port));
                ContainerProcess container = ContainerProcess.start(each.image(), env, WORK.resolve(each.module + ".log"));
                running.add(container);
                awaitReady(container, port, each.module);
            }
            int port = Integer.parseInt(env.get(service.portVariable));
            ContainerProcess container = running.getLast();
            assertThat(container.stop()).as("%s stopped within 60 s of SIGTERM:\n%s", service.module, container.logTail())
                    .isTrue();
            assertThat(Ports.isListening(port)).isFalse();
        } finally {
            running.forEach(ContainerProcess::close);
        }
    }

    // Polls until /health/ready answers 200; a service that exits fails at once, with its output.
    private static void awaitReady(ContainerProcess container, int port, String module) {
        long deadline = System.nanoTime() + READY_DEADLINE.toNanos();
        while (!Health.ready(port)) {
            assertThat(container.isAlive()).as("%s exited before it was ready:\n%s", module, container.logTail()).isTrue();
            assertThat(System.nanoTime() < deadline).as("%s not ready after %s:\n%s", module, READY_DEADLINE,
                    container.logTail()).isTrue();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static int owner(Path path) {
        try {
            return (int) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
