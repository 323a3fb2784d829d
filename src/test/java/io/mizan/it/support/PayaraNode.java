package io.mizan.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A Payara Micro process (the jar Maven fetched) with one WAR, on a free port. */
final class PayaraNode extends ServerNode {

    private final int port;

    PayaraNode(String name, Path war, Map<String, String> environment) throws IOException {
        super(name, Files.createDirectories(war.getParent().resolve(name)).resolve("payara.log"));
        this.port = io.mizan.redis.RedisServer.freePort();
        Path work = war.getParent().resolve(name);
        String jar = System.getProperty("payara.microJar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("payara.microJar (" + jar + ") is missing: run the ITs with mvn verify");
        }
        launch(
                List.of(
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
                        war.toString()),
                environment);
    }

    @Override
    public String server() {
        return "Payara Micro";
    }

    @Override
    boolean startedLine(String line) {
        return line.contains(" ready in ") || line.contains("Payara Micro URLs");
    }

    @Override
    boolean failedLine(String line) {
        return line.contains("Deployment failed") || line.contains("Exception while loading the app");
    }

    @Override
    int httpPort() {
        return port;
    }
}
