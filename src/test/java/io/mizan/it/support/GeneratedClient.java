package io.mizan.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The TypeScript client of a test WAR, generated as a build would and run by Node from {@code client/}. */
public final class GeneratedClient {

    private GeneratedClient() {}

    /** The client folder of the project ({@code client/}), where the runtime's node_modules are. */
    public static Path clientFolder() {
        return Path.of(System.getProperty("project.basedir")).resolve("client");
    }

    /** Generates the TypeScript of the classes in this package into {@code client/<folder>}. */
    public static void generate(String folder, String packageName) {
        Path project = Path.of(System.getProperty("project.basedir"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = io.mizan.codegen.Main.run(
                new String[] {
                    "generate",
                    "--out",
                    clientFolder().resolve(folder).toString(),
                    "--classes",
                    project.resolve("target/test-classes").toString(),
                    "--package",
                    packageName,
                    "--classpath",
                    System.getProperty("java.class.path")
                },
                System.out,
                new PrintStream(err));
        assertEquals(0, status, err.toString());
    }

    /** Runs a Node script in {@code client/}; fails unless it exits with 0 within two minutes. */
    public static String node(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(clientFolder().toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    /** Runs one vitest file of {@code client/it} with the integration config. */
    public static String vitest(Map<String, String> env, String file) throws Exception {
        return node(env, "node_modules/vitest/vitest.mjs", "run", "--config", "vitest.it.config.ts", file);
    }
}
