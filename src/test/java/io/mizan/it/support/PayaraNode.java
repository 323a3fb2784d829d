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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro process with a WAR deployed, for tests that need more than one server (Arquillian
 * manages one): started on a free port with the environment given, stopped or killed by the test.
 *
 * <pre>{@code
 * PayaraNode a = PayaraNode.start("a", war, Map.of("MIZAN_CHANNELS_REDIS_URI", redis.uri()));
 * Http http = new Http(a.base());
 * }</pre>
 */
public final class PayaraNode implements AutoCloseable {

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile String failure;

    private PayaraNode(String name, Path war, Map<String, String> environment) throws IOException {
        this.name = name;
        this.port = io.mizan.redis.RedisServer.freePort();
        Path work = war.getParent().resolve(name);
        Files.createDirectories(work);
        this.log = work.resolve("payara.log");
        String jar = System.getProperty("payara.microJar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("payara.microJar (" + jar + ") is missing: run the ITs with mvn verify");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-Dhazelcast.phone.home.enabled=false",
                "-jar",
                jar,
                "--nocluster",
                "--disablephonehome",
                "--port",
                String.valueOf(port),
                "--rootdir",
                work.resolve("root").toString(),
                "--deploy",
                war.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        this.process = builder.start();
        Thread reader = new Thread(this::readLog, "payara-" + name + "-log");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a server with this WAR and environment; {@link #awaitReady} waits for it. */
    public static PayaraNode start(String name, Path war, Map<String, String> environment) {
        try {
            return new PayaraNode(name, war, environment);
        } catch (IOException e) {
            throw new IllegalStateException("Payara Micro " + name + " could not start", e);
        }
    }

    private void readLog() {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                out.flush();
                if (line.contains("Deployment failed") || line.contains("Exception while loading the app")) {
                    failure = line;
                    ready.countDown();
                }
                if (line.contains(" ready in ")) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            failure = e.toString();
        } finally {
            ready.countDown();
        }
    }

    /** Waits until the application is deployed and the server listens. */
    public PayaraNode awaitReady() {
        try {
            if (!ready.await(240, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Payara Micro " + name + " was not ready within 240 s; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure != null || !process.isAlive()) {
            throw new IllegalStateException("Payara Micro " + name + " failed to deploy ("
                    + (failure != null ? failure : "it exited") + "); see " + log);
        }
        return this;
    }

    /** The application's base URL: {@code http://127.0.0.1:<port>/<war name>/}. */
    public URL base(String contextRoot) {
        try {
            return new URL("http://127.0.0.1:" + port + "/" + contextRoot + "/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's log so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    /** Kills the server at once, as a crash would: it tells nobody. */
    public void kill() {
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
