package io.mizan.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes a folder a copy of another, touching only what differs: the compiled classes copied into the
 * exploded WAR's {@code WEB-INF/classes}, so the server redeploys what the compiler just wrote.
 *
 * <pre>{@code
 * int changed = Mirror.copy(Path.of("target/classes"), Path.of("target/app/WEB-INF/classes"));
 * }</pre>
 */
final class Mirror {

    private Mirror() {}

    /** Copies new and changed files, deletes files gone from {@code from}; returns how many it touched. */
    static int copy(Path from, Path to) throws IOException {
        int touched = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path target = to.resolve(from.relativize(file).toString());
            if (!Files.isRegularFile(target) || Files.mismatch(file, target) != -1) {
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                touched++;
            }
        }
        if (Files.isDirectory(to)) {
            List<Path> stale = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(to)) {
                walk.sorted(Comparator.reverseOrder())
                        .filter(p -> !p.equals(to))
                        .filter(p -> !Files.exists(from.resolve(to.relativize(p).toString())))
                        .forEach(stale::add);
            }
            for (Path p : stale) {
                Files.delete(p);
                touched++;
            }
        }
        return touched;
    }
}
