package io.mizan.bench;

import io.mizan.Auth;
import io.mizan.codegen.Main;
import io.mizan.codegen.TypeScriptGenerator;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Times the code generator on a synthetic application of 1,000 {@code @Client} functions over 50
 * beans, against {@code javac} compiling the same sources in the same JVM.
 *
 * <p>Every round runs, in this order: (a) model building on already loaded classes, (b) TypeScript
 * generation from that model, (c) the whole command line in-process (scan, a fresh class loader,
 * model, generation, writing into an empty folder), (d) {@code javac -parameters} of the sources into
 * an empty folder. Rounds are interleaved so that drift (JIT, heat, other load) touches all four
 * alike. A full GC runs before each timed step, outside the timing.
 *
 * <p>Settings (system properties): {@code bench.warmups} (default 3), {@code bench.rounds} (default 15),
 * {@code bench.coldRounds} (default 3: runs of the generator and of javac each in a fresh JVM).
 * Output: a table on standard output and in {@code results/codegen.txt}.
 */
public final class CodegenBench {

    static final String DOCUMENTED_COMMAND = "mvn -B -q -f bench/pom.xml package exec:exec@codegen";

    public static void main(String[] args) throws Exception {
        Path bench = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int warmups = Integer.getInteger("bench.warmups", 3);
        int rounds = Integer.getInteger("bench.rounds", 15);
        if (warmups < 0 || rounds < 1 || rounds > 1000 || warmups > 1000) {
            throw new IllegalArgumentException("bench.warmups must be 0..1000 and bench.rounds 1..1000");
        }
        long started = System.nanoTime();
        String loadBefore = Report.loadAverage();

        Path work = bench.resolve("target/codegen-work");
        deleteTree(work);
        Path src = work.resolve("src");
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        SyntheticApp.Written app = SyntheticApp.write(src);
        String classpath = System.getProperty("java.class.path");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run on a JDK, not a JRE");
        }
        double firstJavac = seconds(() -> compile(javac, app.files(), classpath, classes));

        // (a) and (b) read classes loaded once, as the server does at deployment
        List<Class<?>> beans = new ArrayList<>();
        URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, CodegenBench.class.getClassLoader());
        for (String name : app.beanClasses()) {
            beans.add(Class.forName(name, false, loader));
        }
        long t0 = System.nanoTime();
        Model model = new ModelBuilder(Auth.PUBLIC).build(beans);
        double firstModel = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        SortedMap<String, String> files = new TypeScriptGenerator().generate(model);
        double firstGenerate = (System.nanoTime() - t0) / 1e9;
        check(model, app);

        Path outRoot = work.resolve("out");
        int[] cliRun = {0};
        Callable<Object> cli = () -> {
            Path out = outRoot.resolve("run" + cliRun[0]++);
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            int code;
            try (PrintStream o = new PrintStream(stdout, true, StandardCharsets.UTF_8);
                 PrintStream e = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
                code = Main.run(new String[]{"generate", "--out", out.toString(), "--classes", classes.toString(),
                        "--classpath", classpath}, o, e);
            }
            if (code != 0) {
                throw new IllegalStateException("the generator exited with " + code + ": " + stderr.toString(StandardCharsets.UTF_8));
            }
            return stdout.toString(StandardCharsets.UTF_8).trim();
        };
        String cliMessage = String.valueOf(cli.call());
        int[] javacRun = {0};
        Path javacRoot = work.resolve("javac");
        Callable<Object> compileRound = () -> compile(javac, app.files(), classpath, javacRoot.resolve("run" + javacRun[0]++));

        Map<String, List<Double>> samples = new LinkedHashMap<>();
        for (String k : List.of("model", "generate", "cli", "javac")) {
            samples.put(k, new ArrayList<>());
        }
        for (int r = 0; r < warmups + rounds; r++) {
            boolean measured = r >= warmups;
            double a = timed(() -> new ModelBuilder(Auth.PUBLIC).build(beans));
            double b = timed(() -> new TypeScriptGenerator().generate(model));
            double c = timed(cli);
            double d = timed(compileRound);
            deleteTree(outRoot);
            deleteTree(javacRoot);
            System.out.printf(Locale.ROOT, "%s %2d: model %7.1f ms, generate %7.1f ms, cli %7.1f ms, javac %7.1f ms%n",
                    measured ? "round " : "warmup", measured ? r - warmups + 1 : r + 1, a * 1e3, b * 1e3, c * 1e3, d * 1e3);
            if (measured) {
                samples.get("model").add(a);
                samples.get("generate").add(b);
                samples.get("cli").add(c);
                samples.get("javac").add(d);
            }
        }
        loader.close();

        // the real build step: the generator in a fresh JVM, as the demo's pom runs it, against javac in a fresh JVM
        int coldRounds = Integer.getInteger("bench.coldRounds", 3);
        List<Double> coldCli = new ArrayList<>();
        List<Double> coldJavac = new ArrayList<>();
        String java = Report.javaExecutable();
        String javacExe = Path.of(System.getProperty("java.home"), "bin", "javac").toString();
        Path argFile = work.resolve("sources.txt");
        Files.write(argFile, app.files().stream().map(Path::toString).toList());
        for (int r = 0; r < coldRounds; r++) {
            Path out = outRoot.resolve("cold" + r);
            coldCli.add(seconds(() -> process(java, "-cp", classpath, "io.mizan.codegen.Main", "generate", "--out",
                    out.toString(), "--classes", classes.toString(), "--classpath", classpath)));
            Path dir = javacRoot.resolve("cold" + r);
            Files.createDirectories(dir);
            coldJavac.add(seconds(() -> process(javacExe, "-parameters", "-proc:none", "--release", "17", "-cp", classpath,
                    "-d", dir.toString(), "@" + argFile)));
            deleteTree(outRoot);
            deleteTree(javacRoot);
            System.out.printf(Locale.ROOT, "fresh JVM %d: cli %7.1f ms, javac %7.1f ms%n", r + 1,
                    coldCli.get(r) * 1e3, coldJavac.get(r) * 1e3);
        }

        long tsBytes = files.values().stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
        long tsLines = files.entrySet().stream().filter(e -> !e.getKey().startsWith("runtime/"))
                .mapToLong(e -> e.getValue().lines().count()).sum();
        long contexts = model.functions().values().stream().filter(FunctionModel::isContext).count();
        long mutations = model.functions().values().stream().filter(f -> !f.affects().isEmpty()).count();

        Report.Summary model_ = Report.Summary.of(samples.get("model"));
        Report.Summary gen = Report.Summary.of(samples.get("generate"));
        Report.Summary cliS = Report.Summary.of(samples.get("cli"));
        Report.Summary javacS = Report.Summary.of(samples.get("javac"));
        Report.Summary coldCliS = coldRounds > 0 ? Report.Summary.of(coldCli) : null;
        Report.Summary coldJavacS = coldRounds > 0 ? Report.Summary.of(coldJavac) : null;

        StringBuilder t = new StringBuilder();
        t.append(Report.header("Code generation for 1,000 functions", Report.command(DOCUMENTED_COMMAND)));
        t.append("mizan:    ").append(Report.mizanJar(null)).append('\n');
        t.append("load avg: before ").append(loadBefore).append(", after ").append(Report.loadAverage())
                .append(" (1, 5, 15 min; other processes on the machine add noise)\n");
        t.append('\n');
        t.append(String.format(Locale.ROOT, "application: %d beans, %d functions (%d contexts, %d mutations with affects),"
                        + " %d named types; %d Java files, %d lines, %d KB of source%n",
                app.beanClasses().size(), model.functions().size(), contexts, mutations, model.types().size(),
                app.files().size(), app.lines(), app.bytes() / 1024));
        t.append(String.format(Locale.ROOT, "generated:   %d files, %d KB (%d lines of types/schemas/api/hooks/index,"
                + " plus the runtime's sources)%n", files.size(), tsBytes / 1024, tsLines));
        t.append("generator:   ").append(cliMessage).append('\n');
        t.append(String.format(Locale.ROOT, "rounds:      %d warm-up, %d measured, interleaved (a, b, c, d per round);"
                + " System.gc() before each timed step%n", warmups, rounds));
        t.append("javac:       in-process javax.tools, -parameters -proc:none --release 17, same classpath, empty output folder\n");
        t.append('\n');
        t.append(String.format(Locale.ROOT, "%-52s %9s %9s %9s %10s%n", "step (same JVM, warm)", "median ms", "min ms",
                "max ms", "÷ javac"));
        row(t, "(a) model building (ModelBuilder.build)", model_, javacS);
        row(t, "(b) TypeScript generation (generate(model))", gen, javacS);
        row(t, "(a)+(b) medians", new Report.Summary(model_.median() + gen.median(), Double.NaN, Double.NaN, 0), javacS);
        row(t, "(c) command line in-process (Main.run)", cliS, javacS);
        row(t, "(d) javac on the same " + app.files().size() + " sources", javacS, javacS);
        t.append('\n');
        t.append(String.format(Locale.ROOT, "first runs in this JVM (cold JIT): javac %.0f ms, model %.0f ms, generate %.0f ms%n",
                firstJavac * 1e3, firstModel * 1e3, firstGenerate * 1e3));
        if (coldCliS != null) {
            t.append('\n');
            t.append(String.format(Locale.ROOT, "%-52s %9s %9s %9s %10s%n", "fresh JVM per run (the real build step)",
                    "median ms", "min ms", "max ms", "÷ javac"));
            row(t, "java -cp ... io.mizan.codegen.Main generate ...", coldCliS, coldJavacS);
            row(t, "javac -parameters ... (same sources)", coldJavacS, coldJavacS);
            t.append(String.format(Locale.ROOT, "(%d runs each, alternating)%n", coldRounds));
        }
        t.append('\n');
        t.append("figures (read by Summary: medians in ms; fresh: a new JVM per run, when any ran)\n");
        t.append(Report.figure("codegen.inProcess.mizan.ms", cliS.median() * 1e3));
        t.append(Report.figure("codegen.inProcess.javac.ms", javacS.median() * 1e3));
        if (coldCliS != null) {
            t.append(Report.figure("codegen.fresh.mizan.ms", coldCliS.median() * 1e3));
            t.append(Report.figure("codegen.fresh.javac.ms", coldJavacS.median() * 1e3));
        }
        t.append(String.format(Locale.ROOT, "%ntotal run time: %.0f s%n", (System.nanoTime() - started) / 1e9));
        String table = t.toString();
        System.out.println();
        System.out.print(table);
        Path results = Report.resultsDir(bench).resolve("codegen.txt");
        Report.write(results, table);
        System.out.println("written to " + results);
    }

    private static void row(StringBuilder t, String name, Report.Summary s, Report.Summary javac) {
        t.append(String.format(Locale.ROOT, "%-52s %9.1f %9s %9s %10.3f%n", name, s.median() * 1e3,
                Double.isNaN(s.min()) ? "" : String.format(Locale.ROOT, "%.1f", s.min() * 1e3),
                Double.isNaN(s.max()) ? "" : String.format(Locale.ROOT, "%.1f", s.max() * 1e3),
                s.median() / javac.median()));
    }

    private static void check(Model model, SyntheticApp.Written app) {
        if (model.functions().size() != app.functions()) {
            throw new IllegalStateException("the model has " + model.functions().size() + " functions, not "
                    + app.functions());
        }
        long contexts = model.functions().values().stream().filter(FunctionModel::isContext).count();
        if (contexts != (long) app.beanClasses().size() * SyntheticApp.CONTEXTS_PER_BEAN) {
            throw new IllegalStateException("the model has " + contexts + " contexts");
        }
    }

    /** Compiles the sources; fails on any error. */
    static Object compile(JavaCompiler javac, List<Path> sources, String classpath, Path out) throws IOException {
        Files.createDirectories(out);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(sources);
            List<String> options = List.of("-parameters", "-proc:none", "--release", "17", "-cp", classpath,
                    "-d", out.toString());
            boolean ok = javac.getTask(null, fm, diagnostics, options, null, units).call();
            if (!ok) {
                StringBuilder s = new StringBuilder("the synthetic application does not compile:\n");
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        s.append(d).append('\n');
                    }
                }
                throw new IllegalStateException(s.toString());
            }
        }
        return out;
    }

    private static Object process(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command[0]);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command[0], command[command.length - 1]) + " failed:\n" + output);
        }
        return output;
    }

    /** Seconds taken by the action, after a full GC outside the timing. */
    private static double timed(Callable<Object> action) throws Exception {
        System.gc();
        return seconds(action);
    }

    private static double seconds(Callable<Object> action) throws Exception {
        long t0 = System.nanoTime();
        Object result = action.call();
        long t1 = System.nanoTime();
        if (result == null) {
            throw new IllegalStateException("no result");
        }
        return (t1 - t0) / 1e9;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private CodegenBench() {
    }
}
