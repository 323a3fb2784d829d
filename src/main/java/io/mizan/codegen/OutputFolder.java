package io.mizan.codegen;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The folder the generated client is written into. Only files whose content changed are rewritten, so
 * a dev server does not reload for nothing; generated files no longer produced (a runtime file that
 * went away) are deleted; a file the generator did not write is never touched.
 *
 * <pre>{@code
 * OutputFolder.Written w = new OutputFolder(Path.of("web/src/mizan")).write(files);
 * w.changed();   // 1: only api.ts differed
 * w.deleted();   // 0
 * }</pre>
 */
final class OutputFolder {

    /** What one write did. */
    record Written(int changed, int deleted) {}

    private final Path dir;

    OutputFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * Writes the files whose content changed, and deletes generated files no longer produced.
     *
     * @param files relative path ({@code types.ts}, {@code runtime/index.ts}) to content
     */
    Written write(Map<String, String> files) throws IOException {
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
                        .filter(p ->
                                !files.containsKey(dir.relativize(p).toString().replace(File.separatorChar, '/')))
                        .filter(OutputFolder::isGenerated)
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
}
