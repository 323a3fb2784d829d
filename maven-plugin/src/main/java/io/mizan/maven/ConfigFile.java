package io.mizan.maven;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The settings the server will read from the application's own
 * {@code META-INF/microprofile-config.properties}, so the generated code assumes what the deployment
 * does.
 *
 * <pre>{@code
 * ConfigFile.authDefault(Path.of("target/classes"));   // "authenticated", or null when it does not say
 * }</pre>
 */
final class ConfigFile {

    private ConfigFile() {}

    /** {@code mizan.auth.default} in the compiled classes' config file; null when absent. */
    static String authDefault(Path classes) {
        Path file = classes.resolve("META-INF/microprofile-config.properties");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return null; // the deployment reports a malformed file; the generator keeps its default
        }
        String value = properties.getProperty("mizan.auth.default");
        return value == null || value.isBlank() ? null : value.strip();
    }
}
