package io.mizan.codegen;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ClassInfoList;
import io.github.classgraph.ScanResult;
import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import io.mizan.model.ModelException;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The command line of the code generator, and the jar's main class.
 *
 * <pre>
 * java -jar mizan-jakarta.jar generate --out src/mizan --classes target/classes \
 *     --classpath "$(cat target/classpath.txt)" [--auth-default public|authenticated] [--package com.example]
 * </pre>
 *
 * <p>It scans the class folders and jars given with {@code --classes} for classes with {@code @Client} on
 * the class or on a method, loads them, builds the same model the server builds at deployment, and
 * writes the TypeScript into {@code --out} (only files whose content changed; stale generated files
 * are deleted). No server runs.
 *
 * <p>{@code --classpath} takes what the application classes need to load: the application's compile
 * classpath, including the Jakarta EE API jars (its {@code provided} dependencies). Maven writes it
 * with {@code mvn dependency:build-classpath -Dmdep.outputFile=target/classpath.txt}. Entries are
 * separated by the platform's path separator; {@code dir/*} stands for every jar in {@code dir}.
 *
 * <p>Exit codes: 0 when done, 1 when the application has problems (each printed to standard error,
 * naming the class, the method and the fix), 2 for a wrong command line.
 */
public final class Main {

    static final String USAGE = """
            Usage: java -jar mizan-jakarta.jar generate --out <dir> --classes <dir-or-jar> [options]

            Writes the TypeScript client (types, Zod schemas, API functions, React hooks and the runtime)
            for the @Client methods of compiled classes.

              --out <dir>              folder to write into (created when missing)
              --classes <dir-or-jar>   compiled application classes to scan; may be repeated
              --classpath <paths>      what those classes need to load, including the Jakarta EE API
                                       jars, separated by '%s'; 'dir/*' means every jar in dir
              --package <name>         scan only this package and its subpackages; may be repeated
              --sources <dir>          Java sources whose Javadoc first sentences become the doc comments
                                       of the generated code (src/main/java); may be repeated
              --auth-default <value>   public (the default) or authenticated, as mizan.auth.default
              --help                   show this text
            """.formatted(File.pathSeparator);

    /** Classes the model reads from the Jakarta APIs; they must load next to the application's classes. */
    private static final List<String> JAKARTA_PROBES = List.of("jakarta.ws.rs.core.Response",
            "jakarta.servlet.http.HttpServletRequest", "jakarta.validation.Constraint", "jakarta.json.JsonValue",
            "jakarta.json.bind.annotation.JsonbProperty", "jakarta.annotation.security.RolesAllowed");

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs the command line and returns the exit code, printing to the given streams.
     *
     * @param args for example {@code generate --out web/src/mizan --classes target/classes}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, true);
    }

    /** What {@link #run(String[], PrintStream, PrintStream)} does inside a class loader that sees the Jakarta APIs. */
    public static int runIsolated(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, false);
    }

    private static int run(String[] args, PrintStream out, PrintStream err, boolean mayIsolate) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (UsageException e) {
            if (e.getMessage() != null) {
                err.println("mizan: " + e.getMessage());
            }
            (e.getMessage() == null ? out : err).print(USAGE);
            return e.getMessage() == null ? 0 : 2;
        }
        List<URL> urls = new ArrayList<>();
        try {
            for (Path p : options.classes) {
                urls.add(p.toUri().toURL());
            }
            for (Path p : options.classpath) {
                urls.add(p.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            err.println("mizan: " + e.getMessage());
            return 2;
        }
        ClassLoader own = Main.class.getClassLoader();
        if (!seesJakarta(own)) {
            if (!mayIsolate) {
                err.println("mizan: the Jakarta EE API classes (" + missingJakarta(own) + ") are not on --classpath."
                        + " Fix: pass the application's compile classpath, with its provided dependencies such as"
                        + " jakarta.jakartaee-api, with --classpath.");
                return 2;
            }
            return isolated(args, urls, out, err);
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), own)) {
            return generate(options, loader, out, err);
        } catch (IOException e) {
            err.println("mizan: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Runs again inside a class loader made of this jar, the application's classes and its classpath:
     * the model is read by classes that must see the Jakarta APIs, which a plain {@code java -jar}
     * does not put on the jar's own class path.
     */
    private static int isolated(String[] args, List<URL> urls, PrintStream out, PrintStream err) {
        List<URL> all = new ArrayList<>();
        try {
            CodeSource source = Main.class.getProtectionDomain().getCodeSource();
            all.add(Path.of(source.getLocation().toURI()).toUri().toURL());
        } catch (URISyntaxException | MalformedURLException | RuntimeException e) {
            err.println("mizan: cannot find the generator's own jar: " + e.getMessage());
            return 2;
        }
        all.addAll(urls);
        try (URLClassLoader loader = new URLClassLoader(all.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> main = Class.forName(Main.class.getName(), true, loader);
            return (Integer) main.getMethod("runIsolated", String[].class, PrintStream.class, PrintStream.class)
                    .invoke(null, args, out, err);
        } catch (InvocationTargetException e) {
            err.println("mizan: " + e.getCause());
            return 1;
        } catch (ReflectiveOperationException | IOException e) {
            err.println("mizan: " + e);
            return 1;
        }
    }

    private static boolean seesJakarta(ClassLoader loader) {
        return missingJakarta(loader).isEmpty();
    }

    private static String missingJakarta(ClassLoader loader) {
        List<String> missing = new ArrayList<>();
        for (String name : JAKARTA_PROBES) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                missing.add(name);
            }
        }
        return String.join(", ", missing);
    }

    private static int generate(Options options, ClassLoader loader, PrintStream out, PrintStream err) {
        List<String> names = scan(options);
        List<Class<?>> beans = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            try {
                Class<?> c = Class.forName(name, false, loader);
                if (ModelBuilder.declaresFunctions(c)) {
                    beans.add(c);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add("Mizan: " + name + ": cannot be loaded (" + e + "). Fix: add what it needs to"
                        + " --classpath.");
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            return 1;
        }
        Map<String, String> files;
        try {
            Model model = new ModelBuilder(options.auth).build(beans);
            files = new TypeScriptGenerator(Javadoc.read(options.sources)).generate(model);
        } catch (ModelException e) {
            e.problems().forEach(err::println);
            return 1;
        } catch (GenerationException e) {
            e.problems().forEach(err::println);
            return 1;
        } catch (LinkageError | TypeNotPresentException e) {
            err.println("Mizan: a type the application's classes use cannot be loaded (" + e + "). Fix: add it to"
                    + " --classpath.");
            return 1;
        }
        try {
            Written written = write(options.out, files);
            out.println("Mizan: " + beans.size() + " classes, " + written.changed + " of " + files.size()
                    + " files written to " + options.out + (written.deleted > 0 ? ", " + written.deleted
                    + " stale files deleted" : "") + ".");
            return 0;
        } catch (IOException | UncheckedIOException e) {
            err.println("mizan: cannot write to " + options.out + ": " + e.getMessage());
            return 1;
        }
    }

    /** The names of the classes that may declare functions: concrete, with @Client on them or a method. */
    private static List<String> scan(Options options) {
        ClassGraph graph = new ClassGraph()
                .overrideClasspath(options.classes.stream().map(Path::toString).toList())
                .enableClassInfo()
                .enableAnnotationInfo()
                .enableMethodInfo()
                .ignoreClassVisibility()
                .ignoreMethodVisibility();
        if (!options.packages.isEmpty()) {
            graph.acceptPackages(options.packages.toArray(String[]::new));
        }
        Set<String> names = new TreeSet<>();
        try (ScanResult scan = graph.scan()) {
            ClassInfoList found = scan.getClassesWithAnnotation(Client.class.getName())
                    .union(scan.getClassesWithMethodAnnotation(Client.class.getName()));
            for (ClassInfo c : found) {
                add(c, names);
                for (ClassInfo sub : c.getSubclasses()) {
                    add(sub, names);
                }
            }
        }
        return List.copyOf(names);
    }

    private static void add(ClassInfo c, Set<String> names) {
        if (!c.isInterface() && !c.isAnnotation() && !c.isAbstract() && !c.isAnonymousInnerClass()
                && (!c.isInnerClass() || c.isStatic())) {
            names.add(c.getName());
        }
    }

    private record Written(int changed, int deleted) {
    }

    /** Writes the files whose content changed, and deletes generated files no longer produced. */
    static Written write(Path dir, Map<String, String> files) throws IOException {
        int changed = 0;
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path file = dir.resolve(e.getKey());
            byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
                continue;
            }
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            changed++;
        }
        int deleted = 0;
        if (Files.isDirectory(dir)) {
            List<Path> stale;
            try (Stream<Path> walk = Files.walk(dir)) {
                stale = walk.filter(Files::isRegularFile)
                        .filter(p -> !files.containsKey(dir.relativize(p).toString().replace(File.separatorChar, '/')))
                        .filter(Main::isGenerated)
                        .toList();
            }
            for (Path p : stale) {
                Files.delete(p);
                deleted++;
            }
        }
        return new Written(changed, deleted);
    }

    /** Whether a file is one this generator wrote: a TypeScript file that starts with one of its headers. */
    private static boolean isGenerated(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".ts") && !name.endsWith(".tsx")) {
            return false;
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            String first = lines.findFirst().orElse("");
            return first.equals(TsSource.HEADER) || first.equals(RuntimeSources.HEADER);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** A wrong command line; without a message, a request for the usage text. */
    private static final class UsageException extends Exception {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /** The parsed command line. */
    private static final class Options {
        Path out;
        final List<Path> classes = new ArrayList<>();
        final List<Path> classpath = new ArrayList<>();
        final List<String> packages = new ArrayList<>();
        final List<Path> sources = new ArrayList<>();
        Auth auth = Auth.PUBLIC;

        static Options parse(String[] args) throws UsageException {
            List<String> list = new ArrayList<>();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) { // --out=dir
                    list.add(arg.substring(0, eq));
                    list.add(arg.substring(eq + 1));
                } else {
                    list.add(arg);
                }
            }
            if (list.contains("--help") || list.contains("-h")) {
                throw new UsageException(null);
            }
            if (list.isEmpty() || !list.get(0).equals("generate")) {
                throw new UsageException(list.isEmpty() ? "no command given" : "unknown command '" + list.get(0) + "'");
            }
            Options o = new Options();
            for (int i = 1; i < list.size(); i++) {
                String option = list.get(i);
                if (!option.startsWith("--")) {
                    throw new UsageException("unexpected argument '" + option + "'");
                }
                if (i + 1 >= list.size()) {
                    throw new UsageException(option + " needs a value");
                }
                String value = list.get(++i);
                switch (option) {
                    case "--out" -> o.out = Path.of(value);
                    case "--classes" -> {
                        Path p = Path.of(value);
                        if (!Files.exists(p)) {
                            throw new UsageException("--classes " + value + " does not exist");
                        }
                        o.classes.add(p);
                    }
                    case "--classpath" -> o.classpath.addAll(paths(value));
                    case "--package" -> o.packages.add(value);
                    case "--sources" -> o.sources.add(Path.of(value));
                    case "--auth-default" -> {
                        try {
                            o.auth = ModelBuilder.parseDefaultAuth(value);
                        } catch (ModelException e) {
                            throw new UsageException("--auth-default must be public or authenticated, not '"
                                    + value + "'");
                        }
                    }
                    default -> throw new UsageException("unknown option " + option);
                }
            }
            if (o.out == null) {
                throw new UsageException("--out is required");
            }
            if (o.classes.isEmpty()) {
                throw new UsageException("--classes is required");
            }
            return o;
        }

        private static List<Path> paths(String value) throws UsageException {
            List<Path> paths = new ArrayList<>();
            for (String entry : value.split(File.pathSeparator)) {
                if (entry.isBlank()) {
                    continue;
                }
                if (entry.endsWith("*")) { // dir/* as java -cp reads it: every jar in dir
                    Path dir = Path.of(entry.substring(0, entry.length() - 1));
                    try (Stream<Path> files = Files.list(dir)) {
                        files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(paths::add);
                    } catch (IOException e) {
                        throw new UsageException("--classpath entry " + entry + " cannot be listed");
                    }
                } else {
                    paths.add(Path.of(entry));
                }
            }
            return paths;
        }
    }
}
