package io.mizan.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One server process with a WAR deployed, for tests that need more than one server or the server's
 * own log (Arquillian manages one): started on free ports with the environment given, stopped or
 * killed by the test. Which server is the one the ITs run on: Payara Micro, or WildFly when the
 * build says {@code mizan.it.server=wildfly} ({@code -Pwildfly}).
 *
 * <pre>{@code
 * ServerNode a = ServerNode.start("a", war, Map.of("MIZAN_CHANNELS_REDIS_URI", redis.uri())).awaitReady();
 * Http http = new Http(a.base("nodes"));
 * }</pre>
 */
public abstract class ServerNode implements AutoCloseable {

    private static final int READY_SECONDS = 240;

    private final String name;
    private final Path log;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile String failure;
    private Process process;

    ServerNode(String name, Path log) {
        this.name = name;
        this.log = log;
    }

    /** Starts a server with this WAR and environment; {@link #awaitReady} waits for it. */
    public static ServerNode start(String name, Path war, Map<String, String> environment) {
        try {
            return "wildfly".equals(System.getProperty("mizan.it.server"))
                    ? new WildFlyNode(name, war, environment)
                    : new PayaraNode(name, war, environment);
        } catch (IOException e) {
            throw new IllegalStateException("the server " + name + " could not start", e);
        }
    }

    /** Whether the ITs run on WildFly. */
    public static boolean wildfly() {
        return "wildfly".equals(System.getProperty("mizan.it.server"));
    }

    /** Which server this is, for messages: "Payara Micro", "WildFly". */
    public abstract String server();

    /** Whether a line of the server's output says that it has started (with its applications or not). */
    abstract boolean startedLine(String line);

    /** Whether a line of the server's output says that an application failed to deploy. */
    abstract boolean failedLine(String line);

    abstract int httpPort();

    final void launch(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        process = builder.start();
        Thread reader = new Thread(this::readLog, name + "-log");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLog() {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                out.flush();
                if (failure == null && failedLine(line)) {
                    failure = line;
                }
                if (startedLine(line)) {
                    started.countDown();
                }
            }
        } catch (IOException e) {
            failure = e.toString();
        } finally {
            started.countDown();
        }
    }

    /**
     * Waits until the server has started, and says whether its application deployed: {@code false}
     * when the server logged a failed deployment.
     */
    public boolean awaitStarted() {
        try {
            if (!started.await(READY_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException(
                        server() + " " + name + " did not start within " + READY_SECONDS + " s; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!process.isAlive()) {
            throw new IllegalStateException(server() + " " + name + " exited; see " + log);
        }
        return failure == null;
    }

    /** Waits until the application is deployed and the server listens. */
    public ServerNode awaitReady() {
        if (!awaitStarted()) {
            throw new IllegalStateException(server() + " " + name + " failed to deploy (" + failure + "); see " + log);
        }
        return this;
    }

    /** The application's base URL: {@code http://127.0.0.1:<port>/<context root>/}. */
    public URL base(String contextRoot) {
        try {
            return new URL("http://127.0.0.1:" + httpPort() + "/" + contextRoot + "/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's output so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    /** Kills the server at once, as a crash would: it tells nobody. */
    public void kill() {
        if (process == null) {
            return;
        }
        // a start script's JVM first, then the script
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }
}
