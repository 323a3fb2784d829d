package io.mizan.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packages form layers: no package depends, directly or through others, on a package that
 * depends on it, and the public API ({@code io.mizan}) depends on none of the implementation.
 * Read from the sources' imports and same-line fully qualified names.
 */
class PackageCyclesTest {

    private static final Pattern PACKAGE = Pattern.compile("^package (io\\.mizan[\\w.]*);", Pattern.MULTILINE);
    private static final Pattern USE = Pattern.compile("\\b(io\\.mizan(?:\\.[a-z]\\w*)*)\\.[A-Z]");

    static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of(System.getProperty("user.dir"), "src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher p = PACKAGE.matcher(source);
                if (!p.find()) {
                    continue;
                }
                String from = p.group(1);
                Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher use = USE.matcher(source);
                while (use.find()) {
                    if (!use.group(1).equals(from) && !use.group(1).startsWith("io.mizan.internal")) {
                        to.add(use.group(1));
                    }
                }
            }
        }
        return graph;
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> graph = dependencies();
        assertTrue(graph.size() > 10, "the sources were found: " + graph.keySet());
        List<String> cycles = new ArrayList<>();
        for (String start : graph.keySet()) {
            List<String> path = new ArrayList<>();
            if (reaches(graph, start, start, path, new TreeSet<>())) {
                cycles.add(start + " -> " + String.join(" -> ", path));
            }
        }
        assertEquals(List.of(), cycles);
    }

    @Test
    void thePublicApiDependsOnNoImplementationPackage() throws IOException {
        Set<String> used = dependencies().get("io.mizan");
        assertFalse(used == null, "io.mizan was read");
        assertEquals(Set.of(), used);
    }

    private static boolean reaches(
            Map<String, Set<String>> graph, String from, String target, List<String> path, Set<String> seen) {
        for (String next : graph.getOrDefault(from, Set.of())) {
            path.add(next);
            if (next.equals(target)) {
                return true;
            }
            if (seen.add(next) && reaches(graph, next, target, path, seen)) {
                return true;
            }
            path.remove(path.size() - 1);
        }
        return false;
    }
}
