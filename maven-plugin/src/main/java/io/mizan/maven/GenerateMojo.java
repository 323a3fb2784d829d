package io.mizan.maven;

import io.mizan.codegen.Main;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the TypeScript client (types, Zod schemas, calls, React hooks, the runtime) of the project's
 * {@code @Client}, {@code @Form} and {@code @Channel} classes, from its compiled classes, after
 * {@code compile}:
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>io.mizan</groupId>
 *   <artifactId>mizan-maven-plugin</artifactId>
 *   <version>0.1.0-SNAPSHOT</version>
 *   <executions><execution><goals><goal>generate</goal></goals></execution></executions>
 * </plugin>
 * }</pre>
 *
 * <p>It runs the library's generator ({@link Main}) in Maven's JVM, on the compiled classes and the
 * compile class path (the {@code provided} Jakarta EE API included), with the Javadoc of the compile
 * source roots. The mistakes that fail a deployment fail the build, with the same ids and messages
 * ({@code MIZAN-0xx}, see docs/problems.md). When neither the classes, the class path, the sources
 * nor the settings changed since the last generation, it does nothing.
 */
@Mojo(
        name = "generate",
        defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public final class GenerateMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution execution;

    /** The folder the TypeScript is written into; only files whose content changed are rewritten. */
    @Parameter(
            property = "mizan.outputDirectory",
            defaultValue = "${project.basedir}/src/main/frontend/src/mizan",
            required = true)
    private File outputDirectory;

    /** The compiled classes to scan. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    private File classesDirectory;

    /** Scan only these packages and their subpackages; all when empty. */
    @Parameter
    private List<String> packages;

    /**
     * {@code public} or {@code authenticated}, as {@code mizan.auth.default}; by default read from the
     * project's {@code META-INF/microprofile-config.properties}, else {@code public}.
     */
    @Parameter(property = "mizan.authDefault")
    private String authDefault;

    /** {@code all} or {@code annotated}, as {@code bean-discovery-mode}; by default read from {@link #beansXml}. */
    @Parameter(property = "mizan.beanDiscovery")
    private String beanDiscovery;

    /** The WAR's beans.xml, read for its bean-discovery-mode when it exists. */
    @Parameter(defaultValue = "${project.basedir}/src/main/webapp/WEB-INF/beans.xml")
    private File beansXml;

    /** Whether the first sentences of the Javadoc in the compile source roots become doc comments. */
    @Parameter(property = "mizan.javadoc", defaultValue = "true")
    private boolean javadoc;

    /** Skips the generation. */
    @Parameter(property = "mizan.skip", defaultValue = "false")
    private boolean skip;

    /** Generates even when nothing changed since the last generation. */
    @Parameter(property = "mizan.force", defaultValue = "false")
    private boolean force;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Mizan: generation skipped (mizan.skip)");
            return;
        }
        if (!classesDirectory.isDirectory()) {
            getLog().info("Mizan: no compiled classes in " + classesDirectory + ", nothing to generate");
            return;
        }
        List<Path> classpath = classpath();
        List<Path> sources = javadoc ? sourceRoots() : List.of();
        List<String> args = arguments(classpath, sources);

        Path stamp = Path.of(project.getBuild().getDirectory(), "mizan", execution.getExecutionId() + ".stamp");
        String fingerprint = Fingerprint.of(args, watched(classpath, sources));
        if (!force
                && fingerprint.equals(read(stamp))
                && Files.isRegularFile(outputDirectory.toPath().resolve("index.ts"))) {
            getLog().info("Mizan: no class changed, " + outputDirectory + " is up to date");
            return;
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args.toArray(String[]::new), o, e);
        }
        out.toString(StandardCharsets.UTF_8).lines().forEach(getLog()::info);
        String problems = err.toString(StandardCharsets.UTF_8).strip();
        if (code == 1) {
            delete(stamp);
            throw new MojoFailureException(
                    "Mizan: the application's functions have problems (the same as at deployment):\n" + problems);
        }
        if (code != 0) {
            delete(stamp);
            throw new MojoExecutionException("Mizan: the generator could not run: " + problems);
        }
        if (!problems.isEmpty()) {
            getLog().warn(problems);
        }
        write(stamp, fingerprint);
    }

    /** The generator's command line: what {@code java -jar mizan-jakarta.jar} would be given. */
    private List<String> arguments(List<Path> classpath, List<Path> sources) throws MojoExecutionException {
        List<String> args = new ArrayList<>(
                List.of("generate", "--out", outputDirectory.getPath(), "--classes", classesDirectory.getPath()));
        if (!classpath.isEmpty()) {
            args.add("--classpath");
            args.add(String.join(
                    File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        }
        for (String p : packages == null ? List.<String>of() : packages) {
            args.add("--package");
            args.add(p);
        }
        for (Path s : sources) {
            args.add("--sources");
            args.add(s.toString());
        }
        String auth = authDefault != null ? authDefault : ConfigFile.authDefault(classesDirectory.toPath());
        if (auth != null) {
            args.add("--auth-default");
            args.add(auth);
        }
        if (beanDiscovery != null) {
            args.add("--bean-discovery");
            args.add(beanDiscovery);
        } else if (beansXml != null && beansXml.isFile()) {
            args.add("--beans-xml");
            args.add(beansXml.getPath());
        }
        return args;
    }

    /** The compile class path without the classes being scanned. */
    private List<Path> classpath() throws MojoExecutionException {
        try {
            Path classes = classesDirectory.toPath().toAbsolutePath().normalize();
            List<Path> paths = new ArrayList<>();
            for (String element : project.getCompileClasspathElements()) {
                Path p = Path.of(element).toAbsolutePath().normalize();
                if (!p.equals(classes) && Files.exists(p)) {
                    paths.add(p);
                }
            }
            return paths;
        } catch (org.apache.maven.artifact.DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("Mizan: the compile class path is not resolved", e);
        }
    }

    private List<Path> sourceRoots() {
        return project.getCompileSourceRoots().stream()
                .map(Path::of)
                .filter(Files::isDirectory)
                .toList();
    }

    /** What the generation reads besides its arguments: a change to any of them means generating again. */
    private List<Path> watched(List<Path> classpath, List<Path> sources) {
        List<Path> paths = new ArrayList<>();
        paths.add(classesDirectory.toPath());
        paths.addAll(classpath);
        paths.addAll(sources);
        if (beansXml != null) {
            paths.add(beansXml.toPath());
        }
        // the generator's own jar: a new version of Mizan writes other code
        paths.add(Fingerprint.codeSource(Main.class));
        return paths;
    }

    private static String read(Path stamp) {
        try {
            return Files.readString(stamp, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private void write(Path stamp, String fingerprint) {
        try {
            Files.createDirectories(stamp.getParent());
            Files.writeString(stamp, fingerprint, StandardCharsets.UTF_8);
        } catch (IOException e) {
            getLog().warn("Mizan: cannot write " + stamp + " (the next build generates again): " + e);
        }
    }

    private static void delete(Path stamp) {
        try {
            Files.deleteIfExists(stamp);
        } catch (IOException e) {
            // the next build finds a stale stamp only if the inputs are the same, and then fails the same way
        }
    }
}
