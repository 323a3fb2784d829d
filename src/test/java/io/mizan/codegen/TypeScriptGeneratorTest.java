package io.mizan.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.codegen.fixture.FixtureApp;
import io.mizan.model.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

class TypeScriptGeneratorTest {

    private static Model model;
    private static Map<String, String> files;

    @BeforeAll
    static void generate() {
        model = FixtureApp.model();
        files = new TypeScriptGenerator().generate(model);
    }

    @ParameterizedTest
    @ValueSource(strings = {"types.ts", "schemas.ts", "api.ts", "hooks.ts", "channels.ts", "forms.ts", "index.ts"})
    void generatedFileMatchesItsGoldenFile(String name) {
        Golden.check(name, files.get(name));
    }

    @Test
    void sameModelGivesSameBytes() {
        Map<String, String> again = new TypeScriptGenerator().generate(FixtureApp.model());
        assertEquals(files, again);
    }

    @Test
    void everyGeneratedFileStartsWithTheHeaderAndUsesLf() {
        files.forEach((name, text) -> {
            if (!name.startsWith("runtime/")) {
                assertTrue(text.startsWith(TsSource.HEADER + "\n"), name);
            }
            assertFalse(text.contains("\r"), name);
            assertFalse(text.contains("\t"), name);
            assertTrue(text.endsWith("\n") && !text.endsWith("\n\n"), name);
        });
    }

    @Test
    void runtimeIsCopiedFromTheClientSources() throws IOException {
        java.util.List<String> sources;
        try (var files =
                java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("user.dir"), "client", "src"))) {
            sources = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".ts") || n.endsWith(".tsx"))
                    .sorted()
                    .toList();
        }
        assertEquals(sources, RuntimeSources.KNOWN, "the fallback list names every runtime file");
        for (String name : sources) {
            String copy = files.get("runtime/" + name);
            assertNotNull(copy, name);
            try (InputStream in = getClass().getResourceAsStream("/io/mizan/codegen/runtime/" + name)) {
                assertNotNull(in, name);
                String source = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
                assertEquals(RuntimeSources.HEADER + "\n" + source, copy, name);
            }
        }
    }

    @Test
    void viewPathAndServerOnlyFunctionsAreNotWritten() {
        assertTrue(model.function("updateProfile").orElseThrow().viewPath());
        assertTrue(model.function("syncFromDirectory").orElseThrow().serverOnly());
        files.forEach((name, text) -> {
            if (!name.startsWith("runtime/")) {
                assertFalse(text.contains("updateProfile") || text.contains("UpdateProfile"), name);
                assertFalse(text.contains("syncFromDirectory") || text.contains("SyncFromDirectory"), name);
                assertFalse(text.contains("DirectoryEvent"), name + " names a type only a server-only function uses");
            }
        });
    }

    @Test
    void anEmptyApplicationGivesEmptyModules() {
        Map<String, String> empty = new TypeScriptGenerator().generate(new Model(List.of(), List.of()));
        for (String name : List.of("types.ts", "schemas.ts", "api.ts", "hooks.ts", "channels.ts", "forms.ts")) {
            assertEquals(TsSource.HEADER + "\n\nexport {};\n", empty.get(name), name);
        }
        assertTrue(empty.get("index.ts").contains("export * from './runtime';"));
    }

    private static final Pattern ANY = Pattern.compile("\\bany\\b");

    /** {@code any} as a word in code, outside comments and string literals. */
    static boolean usesAny(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "")
                .replaceAll("(?m)//.*$", "")
                .replaceAll("'(?:[^'\\\\\\n]|\\\\.)*'", "''")
                .replaceAll("`(?:[^`\\\\]|\\\\.)*`", "``");
        return ANY.matcher(code).find();
    }

    @Test
    void noAnyInGeneratedCode() {
        files.forEach((name, text) -> assertFalse(usesAny(text), () -> name + " uses any"));
        assertTrue(usesAny("let x: any = 1;"));
        assertFalse(usesAny("// any\nconst s = 'any';"));
    }
}
