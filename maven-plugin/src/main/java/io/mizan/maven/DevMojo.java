package io.mizan.maven;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The development loop: Payara Micro serves the exploded WAR, and every change under the sources is
 * compiled again (which regenerates the TypeScript, through {@code mizan:generate} in
 * {@code process-classes}) and redeployed.
 *
 * <pre>
 * mvn package mizan:dev          # the server on http://localhost:8080
 * cd src/main/frontend && npm run dev   # Vite on http://localhost:5173, /api proxied to the server
 * </pre>
 *
 * <p>On a change it runs {@code mvn process-classes} on the project (the project's own compiler
 * settings and plugins), copies the compiled classes into the exploded WAR's {@code WEB-INF/classes}
 * and touches its {@code .reload} file, on which Payara Micro redeploys the application. A change that
 * does not compile, or whose functions have problems, is reported and not deployed; the server keeps
 * the last good version. Stop with Ctrl+C.
 */
@Mojo(name = "dev", threadSafe = false, aggregator = false)
public final class DevMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /** The exploded WAR that {@code mvn package} leaves (maven-war-plugin's webappDirectory). */
    @Parameter(defaultValue = "${project.build.directory}/${project.build.finalName}", required = true)
    private File webappDirectory;

    /** Payara Micro's jar; the archetype's pom copies it here during {@code package}. */
    @Parameter(
            property = "mizan.payaraMicroJar",
            defaultValue = "${project.build.directory}/payara-micro.jar",
            required = true)
    private File payaraMicroJar;

    /** The HTTP port. */
    @Parameter(property = "http.port", defaultValue = "8080")
    private int port;

    /** The context root of the application. */
    @Parameter(property = "mizan.contextRoot", defaultValue = "/")
    private String contextRoot;

    /** More options of Payara Micro, after the ones the goal sets. */
    @Parameter
    private List<String> payaraOptions;

    /** Options of the server's JVM. */
    @Parameter
    private List<String> jvmOptions;

    /** What the goal runs on a change; {@code mizan:generate} must be bound in or before the last phase. */
    @Parameter(property = "mizan.dev.goals", defaultValue = "process-classes")
    private String goals;

    /** Added to MAVEN_OPTS of the build run on a change. */
    @Parameter(property = "mizan.dev.buildJvmOptions", defaultValue = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
    private String buildJvmOptions;

    /** Quiet time after the last change before compiling, in milliseconds. */
    @Parameter(property = "mizan.dev.quietMillis", defaultValue = "300")
    private long quietMillis;

    @Override
    public void execute() throws MojoExecutionException {
        Path webapp = webappDirectory.toPath();
        if (!Files.isDirectory(webapp.resolve("WEB-INF"))) {
            throw new MojoExecutionException("Mizan dev: no exploded WAR in " + webapp
                    + ". Fix: build it first, in the same command: mvn package mizan:dev");
        }
        if (!payaraMicroJar.isFile()) {
            throw new MojoExecutionException("Mizan dev: no Payara Micro at " + payaraMicroJar
                    + ". Fix: copy fish.payara.extras:payara-micro there during package (see the archetype's pom),"
                    + " or set mizan.payaraMicroJar");
        }
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        List<Path> watched = new ArrayList<>();
        project.getCompileSourceRoots().stream()
                .map(Path::of)
                .filter(p -> !p.startsWith(Path.of(project.getBuild().getDirectory())))
                .forEach(watched::add);
        project.getResources().forEach(r -> watched.add(Path.of(r.getDirectory())));

        Process server = startServer(webapp);
        Thread stop = new Thread(() -> stop(server), "mizan-dev-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        getLog().info("Mizan dev: Payara Micro on http://localhost:" + port + contextRoot + " serving " + webapp
                + "; watching " + watched + " (Ctrl+C stops)");
        try (SourceWatcher watcher = new SourceWatcher(watched)) {
            Thread closer = new Thread(
                    () -> {
                        try {
                            server.waitFor();
                            watcher.close();
                        } catch (InterruptedException | IOException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "mizan-dev-server");
            closer.setDaemon(true);
            closer.start();
            while (watcher.awaitChange(quietMillis)) {
                rebuild(classes, webapp);
            }
            getLog().info("Mizan dev: Payara Micro stopped (exit code " + server.exitValue() + ")");
        } catch (IOException e) {
            throw new MojoExecutionException("Mizan dev: cannot watch " + watched, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stop(server);
        }
    }

    /** Compiles (and so generates), then hands the classes to the server. */
    private void rebuild(Path classes, Path webapp) throws InterruptedException {
        long start = System.nanoTime();
        getLog().info("Mizan dev: a source changed, running mvn " + goals);
        int code;
        try {
            ProcessBuilder build = new ProcessBuilder(mavenCommand())
                    .directory(project.getBasedir())
                    .inheritIO();
            // a short build spends most of its time starting the JVM: the client compiler halves it
            String opts = build.environment().getOrDefault("MAVEN_OPTS", "");
            build.environment().put("MAVEN_OPTS", (opts + " " + buildJvmOptions).strip());
            code = build.start().waitFor();
        } catch (IOException e) {
            getLog().error("Mizan dev: cannot run Maven: " + e);
            return;
        }
        if (code != 0) {
            getLog().error("Mizan dev: the build failed (see above); the server keeps the last version");
            return;
        }
        try {
            int touched = Mirror.copy(classes, webapp.resolve("WEB-INF/classes"));
            if (touched == 0) {
                getLog().info("Mizan dev: no class changed");
                return;
            }
            Files.writeString(webapp.resolve(".reload"), "", StandardCharsets.UTF_8);
            getLog().info(String.format(
                    Locale.ROOT,
                    "Mizan dev: %d files of WEB-INF/classes replaced, TypeScript up to date, redeploying (%.1f s)",
                    touched,
                    (System.nanoTime() - start) / 1e9));
        } catch (IOException e) {
            getLog().error("Mizan dev: cannot update " + webapp + ": " + e);
        }
    }

    private List<String> mavenCommand() {
        String home = System.getProperty("maven.home");
        boolean windows = File.separatorChar == '\\';
        String mvn = home == null
                ? "mvn"
                : Path.of(home, "bin", windows ? "mvn.cmd" : "mvn").toString();
        List<String> command =
                new ArrayList<>(List.of(mvn, "-B", "-q", "-f", project.getFile().getPath()));
        if (session.isOffline()) {
            command.add("-o");
        }
        command.addAll(List.of(goals.trim().split("\\s+")));
        return command;
    }

    private Process startServer(Path webapp) throws MojoExecutionException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dhazelcast.phone.home.enabled=false");
        if (jvmOptions != null) {
            command.addAll(jvmOptions);
        }
        command.addAll(List.of(
                "-jar",
                payaraMicroJar.getPath(),
                "--nocluster",
                "--disablephonehome",
                "--port",
                String.valueOf(port),
                "--contextroot",
                contextRoot,
                "--deploy",
                webapp.toString()));
        if (payaraOptions != null) {
            command.addAll(payaraOptions);
        }
        try {
            return new ProcessBuilder(command)
                    .directory(project.getBasedir())
                    .inheritIO()
                    .start();
        } catch (IOException e) {
            throw new MojoExecutionException("Mizan dev: cannot start Payara Micro: " + e, e);
        }
    }

    private static void stop(Process server) {
        if (server.isAlive()) {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
        }
    }
}
