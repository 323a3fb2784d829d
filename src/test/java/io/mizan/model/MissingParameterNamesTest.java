package io.mizan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.Auth;
import org.junit.jupiter.api.Test;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A class compiled without -parameters is refused with the fix, not bound to arg0. */
class MissingParameterNamesTest {

    @Test
    void refusesClassesCompiledWithoutParameterNames() throws Exception {
        Path dir = Files.createTempDirectory("no-parameters");
        Path source = dir.resolve("Greeter.java");
        Files.writeString(
                source,
                """
                public class Greeter {
                    @io.mizan.Client
                    public String greet(String name) { return name; }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(
                null,
                null,
                null,
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                dir.toString(),
                source.toString());
        assertEquals(0, status);
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> greeter = loader.loadClass("Greeter");
            ModelException e =
                    assertThrows(ModelException.class, () -> new ModelBuilder(Auth.PUBLIC).build(List.of(greeter)));
            assertTrue(
                    e.getMessage().startsWith("MIZAN-006 Greeter.greet:")
                            && e.getMessage().contains("Fix: compile with -parameters"),
                    e.getMessage());
        }
    }
}
