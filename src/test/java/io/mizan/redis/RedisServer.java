package io.mizan.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (Debian's package; {@code .ci/run} installs it) on a free port of
 * 127.0.0.1, for as long as a test needs it: stopped as a crash would ({@link #kill}) and started
 * again on the same port.
 *
 * <pre>{@code
 * try (RedisServer redis = RedisServer.start()) {
 *     String uri = redis.uri();   // redis://127.0.0.1:41234
 * }
 * }</pre>
 */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private final List<String> extra;
    private final Path log;
    private Process process;

    private RedisServer(int port, List<String> extra) throws IOException {
        this.port = port;
        this.extra = extra;
        this.log = Files.createTempFile("redis-" + port + "-", ".log");
    }

    /** A server with no persistence, listening on a free port, with these options of {@code redis-server}. */
    public static RedisServer start(String... options) {
        return start(freePort(), List.of(options));
    }

    /**
     * A server that speaks TLS only, with this certificate and key, and requires this password:
     * {@code rediss://:<password>@127.0.0.1:<port>}.
     */
    public static RedisServer startTls(Path certificate, Path key, String password) {
        int port = freePort();
        return start(
                port,
                List.of(
                        "--port", "0",
                        "--tls-port", String.valueOf(port),
                        "--tls-cert-file", certificate.toString(),
                        "--tls-key-file", key.toString(),
                        "--tls-ca-cert-file", certificate.toString(),
                        "--tls-auth-clients", "no",
                        "--requirepass", password));
    }

    private static RedisServer start(int port, List<String> options) {
        try {
            RedisServer server = new RedisServer(port, options);
            server.restart();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server again on its port, after {@link #kill}. */
    public void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("redis-server is running");
        }
        List<String> command = new ArrayList<>(List.of(
                executable(),
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no"));
        command.addAll(extra);
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server could not start: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited; see " + log);
            }
            if (accepts()) {
                return;
            }
            sleep(50);
        }
        throw new IllegalStateException("redis-server did not listen on " + port + " within 10 s; see " + log);
    }

    private static String executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "redis-server"))) {
                return Path.of(dir, "redis-server").toString();
            }
        }
        if (Files.isExecutable(Path.of("/usr/bin/redis-server"))) {
            return "/usr/bin/redis-server";
        }
        throw new IllegalStateException(
                "redis-server is not installed: the tests of many nodes need it (apt-get install redis-server;"
                        + " .ci/run installs it)");
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the server at once, as a crash would. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        kill();
    }

    /** A port nothing listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
