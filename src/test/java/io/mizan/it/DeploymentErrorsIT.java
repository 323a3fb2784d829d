package io.mizan.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.it.broken.duplicate.Greeters;
import io.mizan.it.support.Deployments;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A smoke test that a deployment problem fails a real deployment: a broken application deployed to
 * Payara Micro is not deployed, and the problem's id and message are in the server's log. Every
 * problem has its own fast test on Weld in-process ({@code io.mizan.inprocess}). The Arquillian
 * Payara Micro container does not report a failed deployment, so this test starts Payara Micro
 * itself with the broken WAR and reads its log.
 */
class DeploymentErrorsIT {

    static String log;

    @BeforeAll
    static void deployBrokenApps() throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("project.basedir"), "target", "broken-wars"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dhazelcast.phone.home.enabled=false",
                "-jar",
                System.getProperty("payara.microJar"),
                "--nocluster",
                "--disablephonehome",
                "--port",
                String.valueOf(freePort()),
                "--rootdir",
                Files.createTempDirectory("payara-broken").toString()));
        for (Class<?> app : List.of(Greeters.class)) {
            String name = app.getPackageName().substring(app.getPackageName().lastIndexOf('.') + 1);
            File war = dir.resolve(name + ".war").toFile();
            Deployments.war(name, "", app).as(ZipExporter.class).exportTo(war, true);
            command.add("--deploy");
            command.add(war.getAbsolutePath());
        }
        Process payara = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(payara.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            String line;
            while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
                out.append(line).append('\n');
                if (line.contains("Payara Micro URLs") || line.matches(".*Payara Micro .* ready in.*")) {
                    break;
                }
            }
        } finally {
            payara.destroy();
            if (!payara.waitFor(30, TimeUnit.SECONDS)) {
                payara.destroyForcibly();
            }
        }
        log = out.toString();
    }

    static void assertLogged(String message) {
        assertTrue(log.contains(message), "Payara Micro did not log: " + message + "\n---\n" + log);
    }

    @Test
    void aDeploymentProblemIsLoggedWithItsIdAndTheAppIsNotDeployed() {
        assertLogged("MIZAN-001 io.mizan.it.broken.duplicate.Greeters.hello: the function name 'hello' is also used by"
                + " io.mizan.it.broken.duplicate.Greeters.greet. Fix: give one of them another name with"
                + " @Client(name = \"...\").");
        assertTrue(log.contains("Exception while loading the app"), log);
        assertTrue(!log.matches("(?s).*Deployed: duplicate .*"), log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
