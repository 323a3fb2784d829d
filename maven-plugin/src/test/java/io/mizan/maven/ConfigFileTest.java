package io.mizan.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/** The generator assumes the mizan.auth.default the deployment will read. */
class ConfigFileTest {

    @Test
    void readsTheApplicationsOwnSetting(@TempDir Path classes) throws Exception {
        assertNull(ConfigFile.authDefault(classes));
        Path file = classes.resolve("META-INF/microprofile-config.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "mizan.max-body-bytes=10\n");
        assertNull(ConfigFile.authDefault(classes));
        Files.writeString(file, "mizan.auth.default = authenticated \n");
        assertEquals("authenticated", ConfigFile.authDefault(classes));
    }
}
