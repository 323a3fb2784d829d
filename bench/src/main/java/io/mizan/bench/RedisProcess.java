package io.mizan.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} on a free port of 127.0.0.1 with no persistence, for the benchmark of many nodes:
 * started, and always stopped. (The library's tests have their own, {@code io.mizan.redis.RedisServer}.)
 */
final class RedisProcess {

    final int port;
    final Path log;
    final String executable;
    private final Process process;

    private RedisProcess(int port, Path log, String executable, Process process) {
        this.port = port;
        this.log = log;
        this.executable = executable;
        this.process = process;
    }

    /** Starts {@code redis-server} and waits until it accepts connections; fails clearly when it is not installed. */
    static RedisProcess start(Path log) throws IOException, InterruptedException {
        String executable = executable();
        int port = PayaraMicro.freePort();
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(List.of(executable, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        RedisProcess redis = new RedisProcess(port, log, executable, p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("redis-server exited at start; see " + log);
            }
            if (redis.accepts()) {
                return redis;
            }
            Thread.sleep(50);
        }
        redis.stop();
        throw new IllegalStateException("redis-server did not listen on " + port + " within 10 s; see " + log);
    }

    private static String executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "redis-server"))) {
                return Path.of(dir, "redis-server").toString();
            }
        }
        if (Files.isExecutable(Path.of("/usr/bin/redis-server"))) {
            return "/usr/bin/redis-server";
        }
        throw new IllegalStateException("redis-server is not installed (on Debian and Ubuntu: apt-get install"
                + " redis-server): the benchmark of many nodes relays through a real Redis");
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code redis://127.0.0.1:<port>}. */
    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** CPU seconds the server has used so far. */
    double cpuSeconds() {
        return Report.cpuSeconds(process);
    }

    /** {@code redis-server --version}, first line. */
    String version() {
        return Report.run(executable, "--version").strip();
    }

    /** Stops the server (SIGTERM, then a kill after 10 s). Safe to call more than once. */
    void stop() {
        Report.terminate(process, 10);
    }
}
