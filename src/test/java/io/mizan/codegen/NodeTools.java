package io.mizan.codegen;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Node and the packages of {@code client/node_modules} ({@code npm install} in {@code client/}), for
 * tests that compile or run the generated TypeScript.
 */
final class NodeTools {

    static final Path CLIENT = Path.of(System.getProperty("user.dir"), "client");
    static final Path MODULES = CLIENT.resolve("node_modules");
    static final Path TSC = MODULES.resolve("typescript/bin/tsc");

    /** What a process printed (standard output and error together), and its exit code. */
    record Result(int code, String output) {}

    private NodeTools() {}

    /**
     * Fails when TypeScript is not installed in {@code client/node_modules}: the Maven build installs
     * it before the tests run, so its absence is a broken build, not a reason to skip.
     */
    static void requireInstalled() {
        if (!Files.isRegularFile(TSC)) {
            throw new AssertionError("TypeScript is not installed: run npm install in " + CLIENT);
        }
    }

    /** {@code client/node_modules}, as a path for tsconfig files. */
    static String modules() throws IOException {
        return MODULES.toRealPath().toString().replace('\\', '/');
    }

    /** Writes generated files into a folder. */
    static void write(Path dir, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Runs {@code tsc -p tsconfig.json} in the folder, with extra arguments. */
    static Result tsc(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "node", TSC.toString(), "-p", dir.resolve("tsconfig.json").toString()));
        command.addAll(List.of(args));
        return run(new ProcessBuilder(command).directory(dir.toFile()), null);
    }

    /** Runs a Node script given on standard input, in the folder, finding packages in client/node_modules. */
    /**
     * Type-checks the TypeScript in a folder as an application under the strictest options would,
     * with the client's React types and packages: writes its {@code tsconfig.json}, then runs tsc.
     */
    static Result typecheck(Path dir) throws IOException, InterruptedException {
        java.nio.file.Files.writeString(
                dir.resolve("tsconfig.json"),
                """
                {
                  "compilerOptions": {
                    "target": "ES2020", "lib": ["ES2020", "DOM"], "module": "ESNext", "moduleResolution": "bundler",
                    "jsx": "react-jsx", "strict": true, "noEmit": true, "skipLibCheck": true,
                    "noUnusedLocals": true, "noUnusedParameters": true, "verbatimModuleSyntax": true,
                    "exactOptionalPropertyTypes": true, "noUncheckedIndexedAccess": true,
                    "paths": { "react": ["%1$s/@types/react"], "react/*": ["%1$s/@types/react/*"], "*": ["%1$s/*"] },
                    "types": []
                  },
                  "include": ["**/*.ts", "**/*.tsx"]
                }
                """
                        .formatted(modules()),
                java.nio.charset.StandardCharsets.UTF_8);
        return tsc(dir, "--pretty", "false");
    }

    static Result node(Path dir, String script) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("node", "-").directory(dir.toFile());
        builder.environment().put("NODE_PATH", MODULES.toString());
        return run(builder, script);
    }

    private static Result run(ProcessBuilder builder, String input) throws IOException, InterruptedException {
        Process process = builder.redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            if (input != null) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(builder.command() + " did not finish");
        }
        return new Result(process.exitValue(), output);
    }
}
