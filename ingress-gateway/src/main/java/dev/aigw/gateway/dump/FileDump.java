package dev.aigw.gateway.dump;

import io.helidon.http.Headers;
import io.helidon.http.Method;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One call's files {@code <dir>/<folder>/<unix millis>-<label>} plus {@code .req.txt}, then {@code .resp.txt} or
 * {@code .req_error.txt}. The relay thread only queues copies of what it sends and reads; the writer does the I/O.
 */
final class FileDump implements Dump {
    private static final String DIR_PERMISSIONS = "rwxr-xr-x";
    private static final String FILE_PERMISSIONS = "rw-r--r--";

    private final Path dir;
    private final String folder;
    private final Clock clock;
    private final Function<URI, String> label;
    private final DumpWriter writer;
    // Touched by the writer's tasks only, which run one after the other, though not always on the same thread.
    private volatile Path base;
    private volatile OutputStream response;

    /** Dumps below {@code dir}/{@code folder}, naming the files by the time and the label of the request's URI. */
    FileDump(Path dir, String folder, Clock clock, Function<URI, String> label, Executor executor) {
        this.dir = dir;
        this.folder = folder;
        this.clock = clock;
        this.label = label;
        this.writer = new DumpWriter(executor, dir + "/" + folder);
    }

    @Override
    public void request(Method method, URI uri, Headers headers, byte[] body) {
        long millis = clock.millis();
        // The body is the array being sent, not a copy, so it does not count towards what the writer may hold.
        writer.write(0, () -> {
            Path parent = Files.createDirectories(dir.resolve(folder), permissions(dir, DIR_PERMISSIONS));
            base = parent.resolve(millis + "-" + label.apply(uri));
            try (OutputStream out = create(".req.txt")) {
                out.write(WireFormat.request(method, uri, headers, body));
            }
        });
    }

    @Override
    public void failed(IOException error) {
        writer.write(0, () -> {
            try (OutputStream out = create(".req_error.txt")) {
                out.write(error.toString().getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    @Override
    public InputStream response(int status, Headers headers, InputStream body) {
        writer.write(0, () -> {
            response = create(".resp.txt");
            response.write(WireFormat.responseHead(status, headers));
        });
        return new DumpedBody(body);
    }

    private OutputStream create(String suffix) throws IOException {
        Path file = base.resolveSibling(base.getFileName() + suffix);
        return Channels.newOutputStream(Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), permissions(file, FILE_PERMISSIONS)));
    }

    // Asked for at creation, so the process umask still applies, as it does for the reference's files.
    private static FileAttribute<?>[] permissions(Path path, String permissions) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }

    /** The upstream body as the relay reads it, each chunk also queued for the dump. */
    private final class DumpedBody extends InputStream {
        private final InputStream body;
        private final AtomicBoolean finished = new AtomicBoolean();

        DumpedBody(InputStream body) {
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                byte[] chunk = Arrays.copyOfRange(buffer, offset, offset + n);
                writer.write(n, () -> response.write(chunk));
            } else if (n < 0) {
                finish();
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return body.available();
        }

        @Override
        public void close() throws IOException {
            try {
                body.close();
            } finally {
                finish();
            }
        }

        // Also at the end of the body, so the file is closed as soon as the body is read, whenever the relay closes it.
        private void finish() {
            if (finished.compareAndSet(false, true)) {
                writer.finish(() -> {
                    if (response != null) {
                        response.close();
                    }
                });
            }
        }
    }
}
