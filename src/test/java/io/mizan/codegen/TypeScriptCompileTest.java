package io.mizan.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.codegen.fixture.FixtureApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the real TypeScript compiler, with {@code --strict}, the client's own strict options and
 * {@code exactOptionalPropertyTypes}, over the generated code, the runtime copy and an example of use
 * ({@code codegen/usage.tsx}, which fills in a form with react-hook-form too, a dev dependency of the
 * client), with the packages installed in {@code client/node_modules}. Lines of the example marked
 * {@code @ts-expect-error} must fail to compile, so the types are checked to refuse wrong calls too.
 */
class TypeScriptCompileTest {

    @Test
    void generatedCodeCompilesUnderStrict(@TempDir Path dir) throws Exception {
        NodeTools.requireInstalled();
        for (String module : List.of("zod", "react", "@types/react", "@tanstack/react-query", "react-hook-form")) {
            assertTrue(
                    Files.isDirectory(NodeTools.MODULES.resolve(module)),
                    module + " is missing from " + NodeTools.MODULES);
        }
        NodeTools.write(dir, new TypeScriptGenerator().generate(FixtureApp.model()));
        try (InputStream usage = getClass().getResourceAsStream("/codegen/usage.tsx")) {
            assertNotNull(usage);
            Files.write(dir.resolve("usage.tsx"), usage.readAllBytes());
        }
        Files.writeString(dir.resolve("tsconfig.json"), tsconfig(), StandardCharsets.UTF_8);

        NodeTools.Result tsc = NodeTools.tsc(dir, "--strict", "--noEmit", "--pretty", "false");
        assertEquals(0, tsc.code(), () -> "tsc --strict failed on the generated code:\n" + tsc.output());
    }

    private static String tsconfig() throws IOException {
        String modules = NodeTools.modules();
        return """
                {
                  "compilerOptions": {
                    "target": "ES2020",
                    "lib": ["ES2020", "DOM", "DOM.Iterable"],
                    "module": "ESNext",
                    "moduleResolution": "bundler",
                    "moduleDetection": "force",
                    "jsx": "react-jsx",
                    "strict": true,
                    "noUncheckedIndexedAccess": true,
                    "exactOptionalPropertyTypes": true,
                    "noImplicitOverride": true,
                    "noImplicitReturns": true,
                    "noFallthroughCasesInSwitch": true,
                    "noUnusedLocals": true,
                    "noUnusedParameters": true,
                    "verbatimModuleSyntax": true,
                    "isolatedModules": true,
                    "skipLibCheck": true,
                    "noEmit": true,
                    "baseUrl": ".",
                    "paths": {
                      "react": ["%1$s/@types/react"],
                      "react/*": ["%1$s/@types/react/*"],
                      "*": ["%1$s/*"]
                    },
                    "typeRoots": ["%1$s/@types"],
                    "types": []
                  },
                  "include": ["**/*.ts", "**/*.tsx"]
                }
                """
                .formatted(modules);
    }
}
