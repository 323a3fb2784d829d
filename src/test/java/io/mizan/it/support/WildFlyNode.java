package io.mizan.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A WildFly process (the server Maven unpacked and configured, {@code wildfly.home}) with one WAR:
 * a server base directory of its own (the configuration copied, the WAR in {@code deployments/} for
 * the scanner) and a port offset at which every port it opens is free.
 */
final class WildFlyNode extends ServerNode {

    /**
     * The ports of standalone.xml before the offset: HTTP first, then HTTPS, management HTTP and
     * HTTPS, and the transaction manager's two.
     */
    private static final int[] PORTS = {8080, 8443, 9990, 9993, 4712, 4713};

    private final int offset;

    WildFlyNode(String name, Path war, Map<String, String> environment) throws IOException {
        super(name, Files.createDirectories(war.getParent().resolve(name)).resolve("wildfly.log"));
        String home = System.getProperty("wildfly.home");
        if (home == null || !Files.isDirectory(Path.of(home, "modules"))) {
            throw new IllegalStateException(
                    "wildfly.home (" + home + ") is missing: run the ITs with mvn verify -Pwildfly");
        }
        Path base = war.getParent().resolve(name).resolve("server");
        copyConfiguration(Path.of(home, "standalone", "configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        Files.copy(war, base.resolve("deployments").resolve(war.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        this.offset = freeOffset();
        launch(
                List.of(
                        Path.of(home, "bin", "standalone.sh").toString(),
                        "-c",
                        "standalone.xml",
                        "-Djboss.server.base.dir=" + base,
                        "-Djboss.socket.binding.port-offset=" + offset),
                environment);
    }

    private static void copyConfiguration(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** An offset at which HTTP lands on a free port and the other ports are free too. */
    private static int freeOffset() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int http = freePort();
            int offset = http - PORTS[0];
            if (offset > 0 && 9993 + offset < 65536 && allFree(offset)) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port offset for WildFly");
    }

    private static boolean allFree(int offset) {
        for (int port : PORTS) {
            try (ServerSocket s = new ServerSocket(port + offset, 1, InetAddress.getLoopbackAddress())) {
                // free
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String server() {
        return "WildFly";
    }

    @Override
    boolean startedLine(String line) {
        // WFLYSRV0025 started, WFLYSRV0026 started (with errors)
        return line.contains("WFLYSRV0025") || line.contains("WFLYSRV0026");
    }

    @Override
    boolean failedLine(String line) {
        // a deployment's failure (WFLYCTL0013), or the server reporting one at the end of its boot
        return line.contains("WFLYCTL0013") || line.contains("WFLYSRV0026");
    }

    @Override
    int httpPort() {
        return 8080 + offset;
    }
}
