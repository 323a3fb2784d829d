package io.mizan.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Deployment time of a WAR with 1,000 {@code @Client} functions against the same WAR without the
 * annotations, in Payara Micro.
 *
 * <p>Both WARs hold the {@link SyntheticApp} (50 {@code @ApplicationScoped} services of 20 methods, with
 * their records and enums), a JAX-RS application at {@code api}, and the same {@code WEB-INF/lib} as
 * {@code calls-app} (Mizan and its dependencies): the only difference is that one has the
 * {@code @Client} annotations, so the difference in time is what Mizan does with them at deployment
 * (model building, the checks, the interceptor bindings, the invoker). Each start is a fresh Payara
 * Micro; starts alternate, plain then annotated, and the figure is Payara's own "deployed in" time,
 * median over the starts. Every start is checked: the annotated WAR's manifest lists 1,000 functions,
 * the plain one's none.
 *
 * <p>Settings (system properties): {@code bench.deployRounds} (5 starts of each WAR; the smoke pass 1),
 * {@code bench.serverHeap} (1g).
 */
public final class DeployBench {

    static final String DOCUMENTED_COMMAND = "mvn -B -q -f bench/calls-app/pom.xml package"
            + " && mvn -B -q -f bench/pom.xml package exec:exec@deploy";

    private static final Pattern DEPLOYED = Pattern.compile("successfully deployed in ([0-9,]+) milliseconds");
    private static final Pattern CLIENT_LINE = Pattern.compile("(?m)^\\s*@Client(\\(.*\\))?\\s*$\\n");

    public static void main(String[] args) throws Exception {
        PayaraMicro.Inputs in = PayaraMicro.Inputs.of(args,
                "DeployBench <bench dir> <payara-micro.jar> <calls-app.war>", DOCUMENTED_COMMAND);
        int rounds = Report.bounded("bench.deployRounds", Report.smoke() ? 1 : 5, 1, 20);
        String heap = System.getProperty("bench.serverHeap", "1g");
        String loadBefore = Report.loadAverage();

        Path work = in.bench().resolve("target/deploy-work");
        CodegenBench.deleteTree(work);
        SyntheticApp.Written app = SyntheticApp.write(work.resolve("annotated/src"));
        Path plainSrc = work.resolve("plain/src");
        List<Path> plainFiles = new ArrayList<>();
        for (Path file : app.files()) {
            Path copy = plainSrc.resolve(work.resolve("annotated/src").relativize(file));
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, CLIENT_LINE.matcher(Files.readString(file)).replaceAll(""));
            plainFiles.add(copy);
        }
        List<Path> annotatedFiles = new ArrayList<>(app.files());
        for (Path src : List.of(work.resolve("annotated/src"), plainSrc)) {
            Path application = src.resolve("bench/app/BenchApplication.java");
            Files.createDirectories(application.getParent());
            Files.writeString(application, """
                    package bench.app;

                    @jakarta.ws.rs.ApplicationPath("api")
                    public class BenchApplication extends jakarta.ws.rs.core.Application {
                    }
                    """);
            (src == plainSrc ? plainFiles : annotatedFiles).add(application);
        }
        long clientLines = plainFiles.stream().mapToLong(DeployBench::clientAnnotations).sum();
        if (clientLines != 0) {
            throw new IllegalStateException("the plain sources still have " + clientLines + " @Client annotations");
        }

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classpath = System.getProperty("java.class.path");
        Path annotatedWar = war(javac, annotatedFiles, classpath, work.resolve("annotated"), in.war(), "annotated");
        Path plainWar = war(javac, plainFiles, classpath, work.resolve("plain"), in.war(), "plain");

        Map<String, List<Double>> millis = new LinkedHashMap<>();
        millis.put("plain", new ArrayList<>());
        millis.put("annotated", new ArrayList<>());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> order = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            // A B B A ...: neither side always goes first on a machine that warms up or cools down
            List<String> pair = r % 2 == 0 ? List.of("plain", "annotated") : List.of("annotated", "plain");
            for (String side : pair) {
                Path war = side.equals("plain") ? plainWar : annotatedWar;
                PayaraMicro server = new PayaraMicro(in.bench(), in.payara(), war, heap, "", "deploy-" + side,
                        Map.of(), List.of());
                try {
                    server.start();
                    double deployed = deployedMillis(server.log);
                    int functions = functions(http, server.port);
                    int expected = side.equals("plain") ? 0 : app.functions();
                    if (functions != expected) {
                        throw new IllegalStateException(side + " WAR: the manifest lists " + functions
                                + " functions, not " + expected);
                    }
                    millis.get(side).add(deployed);
                    order.add(side);
                    System.out.printf(Locale.ROOT, "start %d %-9s deployed in %6.0f ms, %d functions%n", r + 1, side,
                            deployed, functions);
                } finally {
                    server.stop();
                }
            }
        }

        Report.Summary plain = Report.Summary.of(millis.get("plain"));
        Report.Summary annotated = Report.Summary.of(millis.get("annotated"));
        StringBuilder t = new StringBuilder();
        t.append(Report.header("Deployment: 1,000 @Client functions against the same WAR without the annotations",
                Report.command(DOCUMENTED_COMMAND)));
        t.append("mizan:    ").append(Report.mizanJar(annotatedWar)).append('\n');
        t.append("load avg: before ").append(loadBefore).append(", after ").append(Report.loadAverage())
                .append(" (1, 5, 15 min)\n");
        t.append(String.format(Locale.ROOT, "app:      %d beans, %d functions, %d source files, %d lines (SyntheticApp),"
                        + " plus a JAX-RS application; WEB-INF/lib as calls-app's%n", app.beanClasses().size(),
                app.functions(), app.files().size(), app.lines()));
        t.append("server:   Payara Micro 6.2025.10, a fresh process for each start, -Xms/-Xmx ").append(heap)
                .append("; the figure is its log's \"successfully deployed in N milliseconds\"\n");
        t.append("order:    ").append(String.join(" ", order)).append('\n');
        t.append('\n');
        t.append(String.format(Locale.ROOT, "%-10s %8s %8s %8s   %s%n", "WAR", "median", "min", "max", "each start, ms"));
        for (String side : millis.keySet()) {
            Report.Summary s = side.equals("plain") ? plain : annotated;
            t.append(String.format(Locale.ROOT, "%-10s %8.0f %8.0f %8.0f   %s%n", side, s.median(), s.min(), s.max(),
                    millis.get(side).stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList()));
        }
        double extra = annotated.median() - plain.median();
        t.append(String.format(Locale.ROOT, "%nthe annotations cost %.0f ms at deployment (median against median;"
                + " target: under 1,000 ms)%n%n", extra));
        t.append("figures (read by Summary)\n");
        t.append(Report.figure("deploy.annotated.ms", annotated.median()));
        t.append(Report.figure("deploy.plain.ms", plain.median()));
        System.out.println();
        System.out.print(t);
        Path results = Report.resultsDir(in.bench()).resolve("deploy.txt");
        Report.write(results, t.toString());
        System.out.println("written to " + results);
        System.exit(0);
    }

    private static long clientAnnotations(Path file) {
        try {
            return CLIENT_LINE.matcher(Files.readString(file)).results().count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Compiles the sources and packs them with calls-app's {@code WEB-INF/lib} and {@code beans.xml}. */
    private static Path war(JavaCompiler javac, List<Path> sources, String classpath, Path dir, Path callsApp,
                            String name) throws IOException {
        Path classes = dir.resolve("classes");
        CodegenBench.compile(javac, sources, classpath, classes);
        Path war = dir.resolve(name + ".war");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(war));
             ZipFile from = new ZipFile(callsApp.toFile())) {
            for (Enumeration<? extends ZipEntry> e = from.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory() && (entry.getName().startsWith("WEB-INF/lib/")
                        || entry.getName().equals("WEB-INF/beans.xml"))) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    from.getInputStream(entry).transferTo(out);
                    out.closeEntry();
                }
            }
            try (Stream<Path> walk = Files.walk(classes)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new ZipEntry("WEB-INF/classes/"
                            + classes.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, (OutputStream) out);
                    out.closeEntry();
                }
            }
        }
        return war;
    }

    private static double deployedMillis(Path log) throws IOException {
        Matcher m = DEPLOYED.matcher(Files.readString(log, StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalStateException("no \"successfully deployed in\" line in " + log);
        }
        return Double.parseDouble(m.group(1).replace(",", ""));
    }

    private static int functions(HttpClient http, int port) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/mizan/manifest")).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("manifest answered " + r.statusCode() + ": " + r.body());
        }
        // every function's entry, and nothing else of the manifest, says whether it is server-only
        return (int) Pattern.compile("\"serverOnly\":").matcher(r.body()).results().count();
    }

    private DeployBench() {
    }
}
