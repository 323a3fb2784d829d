package io.mizan.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/** When the generator must run again: any change to what it reads, and only then. */
class FingerprintTest {

    @Test
    void sameInputsSameDigest(@TempDir Path classes) throws Exception {
        Files.writeString(classes.resolve("A.class"), "a");
        String before = Fingerprint.of(List.of("--out", "x"), List.of(classes));
        assertEquals(before, Fingerprint.of(List.of("--out", "x"), List.of(classes)));
    }

    @Test
    void aClassCompiledAgainAddedOrRemovedChangesIt(@TempDir Path classes) throws Exception {
        Path a = Files.writeString(classes.resolve("A.class"), "a");
        String before = Fingerprint.of(List.of(), List.of(classes));

        Files.setLastModifiedTime(
                a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 2000));
        String touched = Fingerprint.of(List.of(), List.of(classes));
        assertNotEquals(before, touched);

        Files.createDirectories(classes.resolve("p"));
        Files.writeString(classes.resolve("p/B.class"), "b");
        String added = Fingerprint.of(List.of(), List.of(classes));
        assertNotEquals(touched, added);

        Files.delete(classes.resolve("p/B.class"));
        assertEquals(touched, Fingerprint.of(List.of(), List.of(classes)));
    }

    @Test
    void otherArgumentsOrAMissingPathChangeIt(@TempDir Path dir) {
        String a = Fingerprint.of(List.of("--out", "x"), List.of(dir));
        assertNotEquals(a, Fingerprint.of(List.of("--out", "y"), List.of(dir)));
        assertNotEquals(a, Fingerprint.of(List.of("--out", "x"), List.of(dir, dir.resolve("beans.xml"))));
    }
}
