package io.mizan.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;

/** The context class loader Tyrus sends with: the application's, without service files. */
class ServiceFilesHiddenTest {

    /** A service provider the application's loader finds through a service file. */
    public static final class Provider implements Runnable {
        @Override
        public void run() {}
    }

    private static URLClassLoader application(Path folder) throws IOException {
        Path services = Files.createDirectories(folder.resolve("META-INF/services"));
        Files.writeString(
                services.resolve(Runnable.class.getName()), Provider.class.getName() + "\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("notes.txt"), "kept", StandardCharsets.UTF_8);
        return new URLClassLoader(new URL[] {folder.toUri().toURL()}, ServiceFilesHiddenTest.class.getClassLoader());
    }

    @Test
    void findsNoServiceFileButEverythingElseOfTheApplication(@TempDir Path folder) throws Exception {
        try (URLClassLoader application = application(folder)) {
            ClassLoader hidden = ServiceFilesHidden.over(application);
            String serviceFile = "META-INF/services/" + Runnable.class.getName();

            assertTrue(application.getResources(serviceFile).hasMoreElements(), "the application has the file");
            assertFalse(hidden.getResources(serviceFile).hasMoreElements());
            assertNotNull(application.getResource(serviceFile));
            assertNull(hidden.getResource(serviceFile));

            assertEquals(
                    List.of(application.getResource("notes.txt")), Collections.list(hidden.getResources("notes.txt")));
            assertEquals(application.getResource("notes.txt"), hidden.getResource("notes.txt"));
            assertSame(Provider.class, hidden.loadClass(Provider.class.getName()), "classes are the application's");
            assertSame(application, hidden.getParent());
        }
    }

    @Test
    void aServiceLoaderFindsNoProviderThroughIt(@TempDir Path folder) throws Exception {
        try (URLClassLoader application = application(folder)) {
            assertEquals(
                    1, ServiceLoader.load(Runnable.class, application).stream().count());
            assertEquals(
                    0,
                    ServiceLoader.load(Runnable.class, ServiceFilesHidden.over(application)).stream()
                            .count());
        }
    }

    @Test
    void oneLoaderIsMadePerApplicationLoaderInARow(@TempDir Path folder) throws Exception {
        try (URLClassLoader application = application(folder.resolve("a"));
                URLClassLoader other = application(folder.resolve("b"))) {
            ServiceFilesHidden first = ServiceFilesHidden.over(application);
            assertSame(first, ServiceFilesHidden.over(application));
            ServiceFilesHidden second = ServiceFilesHidden.over(other);
            assertNotSame(first, second);
            assertSame(other, second.getParent());
            assertSame(application, ServiceFilesHidden.over(application).getParent());
        }
    }

    @Test
    void aLoaderThatHidesThemIsNotWrappedAgain(@TempDir Path folder) throws Exception {
        try (URLClassLoader application = application(folder.resolve("a"))) {
            ServiceFilesHidden hidden = ServiceFilesHidden.over(application);
            assertSame(hidden, ServiceFilesHidden.over(hidden));
            assertSame(application, ServiceFilesHidden.over(hidden).getParent());
        }
    }
}
