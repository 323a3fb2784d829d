package io.mizan.inprocess.functions.parameters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/** MIZAN-006: a bean compiled without -parameters (this test compiles it so, the build does not). */
class MissingParameterNamesTest {

    @Test
    void aBeanCompiledWithoutParameterNamesIsRefused() throws Exception {
        Path dir = Files.createTempDirectory("no-parameters");
        Path source = Files.createDirectories(dir.resolve("com/example")).resolve("Greeter.java");
        Files.writeString(
                source,
                """
                package com.example;

                @jakarta.enterprise.context.ApplicationScoped
                public class Greeter {
                    @io.mizan.Client
                    public String greet(String name) { return name; }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(
                0,
                javac.run(
                        null,
                        null,
                        null,
                        "-classpath",
                        System.getProperty("java.class.path"),
                        "-d",
                        dir.toString(),
                        source.toString()));
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            InProcess.assertRefused("MIZAN-006", "com.example.Greeter.greet", loader.loadClass("com.example.Greeter"));
        }
    }
}
