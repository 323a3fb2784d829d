package io.mizan.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.it.broken.duplicate.Greeters;
import io.mizan.it.support.Deployments;
import io.mizan.it.support.ServerNode;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A smoke test that a deployment problem fails a real deployment: a broken application deployed to
 * the server is not deployed, and the problem's id and message are in the server's log. Every
 * problem has its own fast test on Weld in-process ({@code io.mizan.inprocess}). The Arquillian
 * Payara Micro container does not report a failed deployment, so this test starts the server
 * itself with the broken WAR and reads its log.
 */
class DeploymentErrorsIT {

    static ServerNode server;
    static boolean deployed;
    static String log;

    @BeforeAll
    static void deployBrokenApp() throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("project.basedir"), "target", "broken-wars"));
        Path war = dir.resolve("duplicate.war");
        Deployments.war("duplicate", "", Greeters.class).as(ZipExporter.class).exportTo(war.toFile(), true);
        server = ServerNode.start("broken", war, Map.of());
        deployed = server.awaitStarted();
        log = server.log();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aDeploymentProblemIsLoggedWithItsIdAndTheAppIsNotDeployed() {
        assertTrue(
                log.contains("MIZAN-001 io.mizan.it.broken.duplicate.Greeters.hello: the function name 'hello' is also"
                        + " used by io.mizan.it.broken.duplicate.Greeters.greet. Fix: give one of them another name"
                        + " with @Client(name = \"...\")."),
                server.server() + " did not log the problem\n---\n" + log);
        assertFalse(deployed, server.server() + " deployed the broken app\n---\n" + log);
    }
}
