package io.mizan.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/** The compiled classes copied into an exploded WAR: only what differs is touched. */
class MirrorTest {

    @Test
    void copiesNewAndChangedFilesAndDeletesGoneOnes(@TempDir Path from, @TempDir Path to) throws Exception {
        Files.createDirectories(from.resolve("app"));
        Files.writeString(from.resolve("app/A.class"), "a");
        Files.writeString(from.resolve("app/B.class"), "b");
        assertEquals(2, Mirror.copy(from, to));
        assertEquals("a", Files.readString(to.resolve("app/A.class")));

        assertEquals(0, Mirror.copy(from, to));

        Files.writeString(from.resolve("app/A.class"), "a2");
        Files.delete(from.resolve("app/B.class"));
        assertEquals(2, Mirror.copy(from, to));
        assertEquals("a2", Files.readString(to.resolve("app/A.class")));
        assertFalse(Files.exists(to.resolve("app/B.class")));

        Files.delete(from.resolve("app/A.class"));
        Files.delete(from.resolve("app"));
        assertEquals(2, Mirror.copy(from, to)); // the file and its folder
        assertFalse(Files.exists(to.resolve("app")));
    }
}
