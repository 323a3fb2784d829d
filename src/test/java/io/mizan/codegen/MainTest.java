package io.mizan.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.classgraph.ClassGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

class MainTest {

    private static final Path TEST_CLASSES = Path.of(System.getProperty("user.dir"), "target", "test-classes");
    private static final Path CLASSES = Path.of(System.getProperty("user.dir"), "target", "classes");

    /** What one run printed, and its exit code. */
    private record Run(int code, String out, String err) {}

    private static Run main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void generatesTheFixtureApplication(@TempDir Path out) throws Exception {
        Run run = main(
                "generate",
                "--out",
                out.toString(),
                "--classes",
                TEST_CLASSES.toString(),
                "--package",
                "io.mizan.codegen.fixture");
        assertEquals(0, run.code(), run.err());
        Map<String, String> expected = new TypeScriptGenerator().generate(io.mizan.codegen.fixture.FixtureApp.model());
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path file = out.resolve(e.getKey());
            assertTrue(Files.isRegularFile(file), e.getKey());
            assertEquals(e.getValue(), Files.readString(file, StandardCharsets.UTF_8), e.getKey());
        }
        assertTrue(run.out().contains(expected.size() + " of " + expected.size() + " files written"), run.out());
    }

    @Test
    void writesOnlyWhatChangedAndDeletesStaleGeneratedFiles(@TempDir Path out) throws Exception {
        String[] args = {
            "generate",
            "--out",
            out.toString(),
            "--classes",
            TEST_CLASSES.toString(),
            "--package",
            "io.mizan.codegen.fixture"
        };
        assertEquals(0, main(args).code());
        Path api = out.resolve("api.ts");
        Files.writeString(api, "// edited by hand\n");
        Path stale = out.resolve("runtime/old.ts");
        Files.writeString(stale, RuntimeSources.HEADER + "\nexport {};\n");
        Path own = out.resolve("notes.ts");
        Files.writeString(own, "// the application's own file\n");

        Run again = main(args);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains(" 1 of "), again.out());
        assertTrue(again.out().contains("1 stale files deleted"), again.out());
        assertTrue(Files.readString(api).startsWith(TsSource.HEADER));
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(own), "a file the generator did not write is kept");
    }

    @Test
    void refusesABrokenApplicationNamingClassAndMethod(@TempDir Path out) {
        Run run = main(
                "generate",
                "--out",
                out.toString(),
                "--classes",
                TEST_CLASSES.toString(),
                "--package",
                "io.mizan.codegen.broken");
        assertEquals(1, run.code());
        assertTrue(run.err().contains("MIZAN-019 io.mizan.codegen.broken.Broken.touch"), run.err());
        assertTrue(run.err().contains("affects = \"nothing\""), run.err());
        assertTrue(run.err().contains("Fix:"), run.err());
        assertFalse(Files.exists(out.resolve("api.ts")));
    }

    @Test
    void refusesAClassThatCdiMakesNoBeanOf(@TempDir Path out) {
        Run run = main(
                "generate",
                "--out",
                out.toString(),
                "--classes",
                TEST_CLASSES.toString(),
                "--package",
                "io.mizan.codegen.unmanaged");
        assertEquals(1, run.code(), run.err());
        assertTrue(
                run.err()
                        .startsWith("MIZAN-027 io.mizan.codegen.unmanaged.Unmanaged: declares @Client functions"
                                + " but is no CDI bean"),
                run.err());
        assertTrue(run.err().contains("Fix: annotate it @ApplicationScoped"), run.err());
        assertTrue(run.err().contains("--bean-discovery all"), run.err());
        assertFalse(Files.exists(out.resolve("api.ts")));
    }

    @Test
    void refusesAChannelHandlerThatCdiMakesNoBeanOf(@TempDir Path out) throws IOException {
        String[] args = {
            "generate",
            "--out",
            out.toString(),
            "--classes",
            TEST_CLASSES.toString(),
            "--package",
            "io.mizan.codegen.unmanagedchannel"
        };
        Run run = main(args);
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().startsWith("MIZAN-027 io.mizan.codegen.unmanagedchannel.UnmanagedChat: "), run.err());
        assertTrue(run.err().contains("Fix: annotate it @ApplicationScoped"), run.err());
        assertFalse(Files.exists(out.resolve("channels.ts")));

        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bean-discovery", "all"));
        Run again = main(all.toArray(String[]::new));
        assertEquals(0, again.code(), again.err());
        assertTrue(Files.readString(out.resolve("channels.ts")).contains("export function useChatChannel("));
    }

    @Test
    void generatesForAClassThatIsNoBeanWhenEveryClassIsOne(@TempDir Path out) throws Exception {
        Run run = main(
                "generate",
                "--out",
                out.toString(),
                "--classes",
                TEST_CLASSES.toString(),
                "--package",
                "io.mizan.codegen.unmanaged",
                "--bean-discovery",
                "all");
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.readString(out.resolve("api.ts")).contains("export function hello("));

        // the same, said by the classes' own META-INF/beans.xml
        Path classes = out.resolve("classes");
        Path unmanaged = Path.of("io", "mizan", "codegen", "unmanaged", "Unmanaged.class");
        Files.createDirectories(classes.resolve(unmanaged).getParent());
        Files.copy(TEST_CLASSES.resolve(unmanaged), classes.resolve(unmanaged));
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(
                classes.resolve("META-INF/beans.xml"),
                "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""
                        + " version=\"4.0\" bean-discovery-mode=\"all\"/>\n");
        Run own = main("generate", "--out", out.resolve("own").toString(), "--classes", classes.toString());
        assertEquals(0, own.code(), own.err());
        assertTrue(Files.isRegularFile(out.resolve("own/api.ts")));
    }

    @Test
    void classesThatCannotBeLoadedAreReportedWithTheFix(@TempDir Path dir) throws Exception {
        Path classes = dir.resolve("classes");
        compile(
                classes,
                Map.of(
                        "shop/orphan/Parent.java",
                        "package shop.orphan; public class Parent {}",
                        "shop/orphan/Child.java",
                        "package shop.orphan; public class Child extends Parent {"
                                + " @io.mizan.Client public String hello() { return \"hi\"; } }",
                        "shop/missing/Missing.java",
                        "package shop.missing; public record Missing(long id) {}",
                        "shop/missing/Shop.java",
                        "package shop.missing; @io.mizan.Client public class Shop {"
                                + " public Missing find(long id) { return new Missing(id); } }"));
        Files.delete(classes.resolve("shop/orphan/Parent.class"));
        Files.delete(classes.resolve("shop/missing/Missing.class"));

        Run orphan = main(
                "generate",
                "--out",
                dir.resolve("out").toString(),
                "--classes",
                classes.toString(),
                "--package",
                "shop.orphan");
        assertEquals(1, orphan.code(), orphan.err());
        assertTrue(orphan.err().startsWith("MIZAN-033 shop.orphan.Child: cannot be loaded ("), orphan.err());
        assertTrue(orphan.err().contains("Fix: add what it needs to --classpath."), orphan.err());

        Run missing = main(
                "generate",
                "--out",
                dir.resolve("out").toString(),
                "--classes",
                classes.toString(),
                "--package",
                "shop.missing",
                "--bean-discovery",
                "all");
        assertEquals(1, missing.code(), missing.err());
        assertTrue(
                missing.err()
                        .startsWith(
                                "MIZAN-034 --classpath: a type the application's classes use cannot be" + " loaded ("),
                missing.err());
        assertTrue(missing.err().contains("shop/missing/Missing"), missing.err());
        assertFalse(Files.exists(dir.resolve("out/api.ts")));
    }

    /** Compiles Java sources, given by path, into a folder of classes. */
    private static void compile(Path classes, Map<String, String> sources) throws IOException {
        Path src = classes.resolveSibling("src");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", CLASSES.toString()));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            args.add(file.toString());
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = ToolProvider.getSystemJavaCompiler().run(null, null, errors, args.toArray(String[]::new));
        assertEquals(0, code, errors.toString(StandardCharsets.UTF_8));
    }

    @Test
    void wrongCommandLinesExitWithTwoAndTheUsage(@TempDir Path out) {
        for (String[] args : List.of(
                new String[] {},
                new String[] {"make"},
                new String[] {"generate", "--out", "x"},
                new String[] {"generate", "--classes", TEST_CLASSES.toString()},
                new String[] {
                    "generate",
                    "--out",
                    "x",
                    "--classes",
                    out.resolve("missing").toString()
                },
                new String[] {"generate", "--out", "x", "--classes", TEST_CLASSES.toString(), "--auth-default", "x"},
                new String[] {"generate", "--out", "x", "--classes", TEST_CLASSES.toString(), "--bean-discovery", "none"
                },
                new String[] {"generate", "--out", "x", "--classes", TEST_CLASSES.toString(), "--bogus", "1"})) {
            Run run = main(args);
            assertEquals(2, run.code(), String.join(" ", args));
            assertTrue(run.err().contains("Usage: java -jar mizan-jakarta.jar generate"), run.err());
        }
        Run help = main("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--classpath"));
    }

    /**
     * As {@code java -jar}: the generator's own class path lacks the Jakarta APIs, which come from
     * {@code --classpath}, so it reads the model inside a class loader of its own.
     */
    @Test
    void runsInItsOwnJvmWithTheJakartaApisOnlyOnTheGivenClasspath(@TempDir Path out) throws Exception {
        String classGraph = Path.of(ClassGraph.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        String testClasspath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                CLASSES + File.pathSeparator + classGraph,
                Main.class.getName(),
                "generate",
                "--out",
                out.toString(),
                "--classes",
                TEST_CLASSES.toString(),
                "--classpath",
                testClasspath,
                "--package",
                "io.mizan.codegen.fixture"));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(java.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, java.exitValue(), output);
        assertEquals(
                new TypeScriptGenerator()
                        .generate(io.mizan.codegen.fixture.FixtureApp.model())
                        .get("hooks.ts"),
                Files.readString(out.resolve("hooks.ts"), StandardCharsets.UTF_8));

        Process without = new ProcessBuilder(command.subList(0, command.size() - 4))
                .redirectErrorStream(true)
                .start();
        String refused = new String(without.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(without.waitFor(2, TimeUnit.MINUTES));
        assertEquals(2, without.exitValue(), refused);
        assertTrue(refused.contains("jakarta.ws.rs.core.Response"), refused);
    }
}
