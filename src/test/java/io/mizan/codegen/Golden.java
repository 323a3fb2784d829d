package io.mizan.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/codegen/golden/}, compared byte for byte.
 *
 * <p>After a deliberate change to the generated code, rewrite them and review the diff:
 * {@code mvn test -Dtest='io.mizan.codegen.**,io.mizan.schema.**' -Dmizan.updateGolden=true}.
 */
public final class Golden {

    /** The folder of the golden files, in the source tree (not the copy on the test classpath). */
    public static final Path DIR =
            Path.of(System.getProperty("user.dir"), "src", "test", "resources", "codegen", "golden");

    private Golden() {}

    public static boolean updating() {
        return Boolean.getBoolean("mizan.updateGolden");
    }

    /** Asserts that {@code actual} equals the golden file, or rewrites it when updating. */
    public static void check(String name, String actual) {
        Path file = DIR.resolve(name);
        try {
            if (updating()) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertTrue(Files.exists(file), () -> "no golden file " + file + "; run with -Dmizan.updateGolden=true");
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            assertEquals(
                    expected,
                    actual,
                    () -> name + " differs from its golden file " + file
                            + "; if the change is intended, run with -Dmizan.updateGolden=true and review the diff");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
