package io.mizan.codegen;

import io.mizan.messages.Messages;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import io.mizan.model.ModelException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line of the code generator, and the jar's main class.
 *
 * <pre>
 * java -jar mizan-jakarta.jar generate --out src/mizan --classes target/classes \
 *     --classpath "$(cat target/classpath.txt)" [--auth-default public|authenticated] [--package com.example]
 *     [--bean-discovery all|annotated] [--beans-xml src/main/webapp/WEB-INF/beans.xml]
 * </pre>
 *
 * <p>It scans the class folders and jars given with {@code --classes} for classes with {@code @Client} on
 * the class or on a method and for {@code @Channel} handlers, loads them, checks that CDI makes beans of
 * them as the server's would,
 * builds the same model the server builds at deployment, and writes the TypeScript into {@code --out}
 * (only files whose content changed; stale generated files are deleted). No server runs.
 *
 * <p>{@code --classpath} takes what the application classes need to load: the application's compile
 * classpath, including the Jakarta EE API jars (its {@code provided} dependencies). Maven writes it
 * with {@code mvn dependency:build-classpath -Dmdep.outputFile=target/classpath.txt}. Entries are
 * separated by the platform's path separator; {@code dir/*} stands for every jar in {@code dir}.
 *
 * <p>Exit codes: 0 when done, 1 when the application has problems (each printed to standard error,
 * naming the class, the method and the fix), 2 for a wrong command line.
 *
 * <p>The parts: {@link CommandLine} parses, {@link ApplicationLoader} loads the application's classes,
 * {@link ClientClasses} finds those with functions, {@link BeanDiscovery} checks they are beans,
 * {@link TypeScriptGenerator} writes the code and {@link OutputFolder} puts it on disk.
 */
public final class Main {

    private Main() {}

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
        CommandLine line;
        try {
            line = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            if (e.getMessage() != null) {
                err.println("mizan: " + e.getMessage());
            }
            (e.getMessage() == null ? out : err).print(CommandLine.USAGE);
            return e.getMessage() == null ? 0 : 2;
        }
        ApplicationLoader application;
        try {
            application = ApplicationLoader.of(line);
        } catch (MalformedURLException e) {
            err.println("mizan: " + e.getMessage());
            return 2;
        }
        ClassLoader own = Main.class.getClassLoader();
        String missing = ApplicationLoader.missingJakarta(own);
        if (!missing.isEmpty()) {
            if (!mayIsolate) {
                err.println("mizan: the Jakarta EE API classes (" + missing + ") are not on --classpath."
                        + " Fix: pass the application's compile classpath, with its provided dependencies such as"
                        + " jakarta.jakartaee-api, with --classpath.");
                return 2;
            }
            return application.runIsolated(Main.class, "runIsolated", args, out, err);
        }
        try (URLClassLoader loader = application.over(own)) {
            return generate(line, loader, out, err);
        } catch (IOException e) {
            err.println("mizan: " + e.getMessage());
            return 1;
        }
    }

    private static int generate(CommandLine line, ClassLoader loader, PrintStream out, PrintStream err) {
        ClientClasses found = ClientClasses.find(line, loader);
        if (!found.problems().isEmpty()) {
            found.problems().forEach(err::println);
            return 1;
        }
        // a class that is no bean is reported with the model's own problems, as a deployment would
        List<String> problems =
                new ArrayList<>(BeanDiscovery.problems(found.classes(), line.beanDiscovery(), line.beansXml()));
        List<Class<?>> beans = found.classes().stream()
                .<Class<?>>map(ClientClasses.Found::type)
                .toList();
        Map<String, String> files = Map.of();
        try {
            Model model = new ModelBuilder(line.auth()).build(beans);
            if (problems.isEmpty()) {
                files = new TypeScriptGenerator(Javadoc.read(line.sources())).generate(model);
            }
        } catch (ModelException e) {
            problems.addAll(e.problems());
        } catch (GenerationException e) {
            problems.addAll(e.problems());
        } catch (LinkageError | TypeNotPresentException e) {
            problems.add(Messages.typeNotLoadable(e.toString()));
        }
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            return 1;
        }
        try {
            OutputFolder.Written written = new OutputFolder(line.out()).write(files);
            out.println("Mizan: " + beans.size() + " classes, " + written.changed() + " of " + files.size()
                    + " files written to " + line.out()
                    + (written.deleted() > 0 ? ", " + written.deleted() + " stale files deleted" : "") + ".");
            return 0;
        } catch (IOException | UncheckedIOException e) {
            err.println("mizan: cannot write to " + line.out() + ": " + e.getMessage());
            return 1;
        }
    }
}
