package io.mizan.codegen;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ClassInfoList;
import io.github.classgraph.ScanResult;
import io.mizan.Channel;
import io.mizan.Client;
import io.mizan.Form;
import io.mizan.messages.Messages;
import io.mizan.model.ModelBuilder;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the application's classes that belong in the model: those that declare {@code @Client}
 * functions or {@code @Form}s, and the {@code @Channel} handlers. ClassGraph reads the class files of
 * {@code --classes} (no class is initialized), and the candidates are then loaded for the model.
 *
 * <pre>{@code
 * ClientClasses found = ClientClasses.find(commandLine, loader);
 * found.classes();    // [Found[type=class com.example.ChatChannel, ...], Found[type=class com.example.Users, ...]]
 * found.problems();   // a class that cannot be loaded, with the fix
 * }</pre>
 */
final class ClientClasses {

    /** A class with functions, forms or a channel, and the class folder or jar it was found in (null if unknown). */
    record Found(Class<?> type, Path archive) {}

    private final List<Found> classes;
    private final List<String> problems;

    private ClientClasses(List<Found> classes, List<String> problems) {
        this.classes = List.copyOf(classes);
        this.problems = List.copyOf(problems);
    }

    /** The classes with functions and the channel handlers, sorted by name. */
    List<Found> classes() {
        return classes;
    }

    /** The classes that could not be loaded, each with the fix. */
    List<String> problems() {
        return problems;
    }

    static ClientClasses find(CommandLine line, ClassLoader loader) {
        List<Found> classes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        scan(line).forEach((name, archive) -> {
            try {
                Class<?> c = Class.forName(name, false, loader);
                if (ModelBuilder.belongsInModel(c)) {
                    classes.add(new Found(c, archive));
                }
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add(Messages.classNotLoadable(name, e.toString()));
            }
        });
        return new ClientClasses(classes, problems);
    }

    /**
     * The concrete classes that may belong in the model, by name: with @Client on them or a method, or
     * @Form on a method (and their subclasses, which inherit the functions and forms), or with @Channel
     * (not inherited).
     */
    private static Map<String, Path> scan(CommandLine line) {
        ClassGraph graph = new ClassGraph()
                .overrideClasspath(line.classes().stream().map(Path::toString).toList())
                .enableClassInfo()
                .enableAnnotationInfo()
                .enableMethodInfo()
                .ignoreClassVisibility()
                .ignoreMethodVisibility();
        if (!line.packages().isEmpty()) {
            graph.acceptPackages(line.packages().toArray(String[]::new));
        }
        Map<String, Path> names = new TreeMap<>();
        try (ScanResult scan = graph.scan()) {
            ClassInfoList found = scan.getClassesWithAnnotation(Client.class.getName())
                    .union(scan.getClassesWithMethodAnnotation(Client.class.getName()))
                    .union(scan.getClassesWithMethodAnnotation(Form.class.getName()));
            for (ClassInfo c : found) {
                add(c, names);
                for (ClassInfo sub : c.getSubclasses()) {
                    add(sub, names);
                }
            }
            for (ClassInfo c : scan.getClassesWithAnnotation(Channel.class.getName())) {
                add(c, names);
            }
        }
        return names;
    }

    private static void add(ClassInfo c, Map<String, Path> names) {
        if (!c.isInterface()
                && !c.isAnnotation()
                && !c.isAbstract()
                && !c.isAnonymousInnerClass()
                && (!c.isInnerClass() || c.isStatic())) {
            File archive = c.getClasspathElementFile();
            names.put(c.getName(), archive == null ? null : archive.toPath());
        }
    }
}
