package io.mizan.codegen;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.EntityTree;
import com.sun.source.doctree.LinkTree;
import com.sun.source.doctree.LiteralTree;
import com.sun.source.doctree.TextTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The first sentences of the Javadoc of classes and methods, read from the application's sources with
 * the JDK's own parser, so that generated functions, hooks and types carry the same short doc comments.
 * Only parsed, never compiled: sources that do not compile still give their comments.
 */
public final class Javadoc {

    /** No sources: generated code gets its default comments. */
    public static final Javadoc NONE = new Javadoc(Map.of());

    private final Map<String, String> summaries;

    private Javadoc(Map<String, String> summaries) {
        this.summaries = Map.copyOf(summaries);
    }

    /** The summary of a class, by its binary name ({@code com.example.Users$View}). */
    public Optional<String> of(Class<?> type) {
        return Optional.ofNullable(summaries.get(type.getName()));
    }

    /** The summary of a method of a class, by name. */
    public Optional<String> of(Class<?> type, String method) {
        return Optional.ofNullable(summaries.get(type.getName() + "#" + method));
    }

    /** Reads every {@code .java} file below these folders. */
    public static Javadoc read(List<Path> sourceRoots) {
        if (sourceRoots.isEmpty()) {
            return NONE;
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return NONE; // a JRE without the compiler: comments are a nicety, not a reason to fail
        }
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            List<Path> sources = sourceFiles(sourceRoots);
            if (sources.isEmpty()) {
                return NONE;
            }
            Iterable<? extends JavaFileObject> objects = files.getJavaFileObjectsFromPaths(sources);
            JavacTask task =
                    (JavacTask) javac.getTask(null, files, diagnostic -> {}, List.of("-proc:none"), null, objects);
            DocTrees docs = DocTrees.instance(task);
            Map<String, String> summaries = new HashMap<>();
            for (CompilationUnitTree unit : task.parse()) {
                String pkg = unit.getPackageName() == null
                        ? ""
                        : unit.getPackageName().toString() + ".";
                new TreePathScanner<Void, String>() {
                    @Override
                    public Void visitClass(ClassTree tree, String outer) {
                        String name = outer == null ? pkg + tree.getSimpleName() : outer + "$" + tree.getSimpleName();
                        // scan(TreePath, ...) forgets the current path when it returns: keep this class's
                        com.sun.source.util.TreePath here = getCurrentPath();
                        summary(docs.getDocCommentTree(here)).ifPresent(s -> summaries.put(name, s));
                        for (Tree member : tree.getMembers()) {
                            scan(new com.sun.source.util.TreePath(here, member), name);
                        }
                        return null;
                    }

                    @Override
                    public Void visitMethod(MethodTree tree, String owner) {
                        summary(docs.getDocCommentTree(getCurrentPath()))
                                .ifPresent(s -> summaries.putIfAbsent(owner + "#" + tree.getName(), s));
                        return null;
                    }
                }.scan(new com.sun.source.util.TreePath(unit), null);
            }
            return new Javadoc(summaries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> sourceFiles(List<Path> roots) throws IOException {
        List<Path> all = new java.util.ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.toString().endsWith(".java")
                                    && !p.getFileName().toString().equals("module-info.java")
                                    && !p.getFileName().toString().equals("package-info.java"))
                            .sorted()
                            .forEach(all::add);
                }
            }
        }
        return all;
    }

    /** The character an HTML entity stands for ({@code lt}, {@code #33}, {@code #x21}); the entity itself if unknown. */
    private static String entity(String name) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return Character.toString(Integer.parseInt(name.substring(2), 16));
            }
            if (name.startsWith("#")) {
                return Character.toString(Integer.parseInt(name.substring(1)));
            }
        } catch (IllegalArgumentException e) {
            return "&" + name + ";";
        }
        return switch (name) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> "&" + name + ";";
        };
    }

    /** The first sentence as plain text: {@code {@code x}} and {@code {@link X}} become their text. */
    private static Optional<String> summary(DocCommentTree comment) {
        if (comment == null) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (DocTree part : comment.getFirstSentence()) {
            if (part instanceof TextTree t) {
                text.append(t.getBody());
            } else if (part instanceof LiteralTree l) {
                text.append(l.getBody().getBody());
            } else if (part instanceof LinkTree l) {
                text.append(
                        l.getLabel().isEmpty()
                                ? l.getReference().getSignature().replace('#', '.')
                                : l.getLabel().toString());
            } else if (part instanceof EntityTree e) {
                text.append(entity(e.getName().toString()));
            } else {
                text.append(part.toString().replaceAll("<[^>]+>", ""));
            }
        }
        String plain = text.toString().replaceAll("\\s+", " ").trim();
        return plain.isEmpty() ? Optional.empty() : Optional.of(plain);
    }
}
