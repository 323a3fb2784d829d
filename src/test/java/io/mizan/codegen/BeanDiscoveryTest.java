package io.mizan.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.codegen.beans.Beans;
import io.mizan.codegen.unmanaged.Unmanaged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Which classes CDI makes beans of, and the bean-discovery-mode of a class folder or jar. */
class BeanDiscoveryTest {

    private static final String BEANS =
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="%s"/>
            """;

    @ParameterizedTest
    @ValueSource(
            classes = {
                Beans.Application.class,
                Beans.Request.class,
                Beans.Session.class,
                Beans.DependentBean.class,
                Beans.Ejb.class,
                Beans.Stereotyped.class,
                Beans.Inherited.class
            })
    void aBeanDefiningAnnotationMakesABean(Class<?> type) {
        assertTrue(BeanDiscovery.isBean(type), type.getName());
    }

    @ParameterizedTest
    @ValueSource(classes = {Beans.NamedOnly.class, Beans.Plain.class, Unmanaged.class})
    void withoutOneThereIsNoBean(Class<?> type) {
        assertFalse(BeanDiscovery.isBean(type), type.getName());
    }

    @ParameterizedTest
    @CsvSource({"all, ALL", "annotated, ANNOTATED", "none, NONE", "'', ANNOTATED"})
    void theModeIsReadFromMetaInfBeansXml(String attribute, BeanDiscovery.Mode mode, @TempDir Path classes)
            throws IOException {
        write(
                classes.resolve("META-INF/beans.xml"),
                attribute.isEmpty()
                        ? "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\"/>"
                        : BEANS.formatted(attribute));
        BeanDiscovery.Discovery discovery = BeanDiscovery.of(classes);
        assertEquals(mode, discovery.mode());
        assertTrue(discovery.source().endsWith("beans.xml"), discovery.source());
    }

    @Test
    void noBeansXmlOrAnEmptyOneMeansAnnotated(@TempDir Path classes) throws IOException {
        assertEquals(BeanDiscovery.Mode.ANNOTATED, BeanDiscovery.of(classes).mode());
        assertTrue(BeanDiscovery.of(classes).source().startsWith("the default"));
        write(classes.resolve("META-INF/beans.xml"), "\n");
        assertEquals(BeanDiscovery.Mode.ANNOTATED, BeanDiscovery.of(classes).mode());
    }

    @Test
    void anExplodedWarsWebInfBeansXmlCountsForItsClasses(@TempDir Path war) throws IOException {
        Path classes = war.resolve("WEB-INF/classes");
        Files.createDirectories(classes);
        write(war.resolve("WEB-INF/beans.xml"), BEANS.formatted("all"));
        assertEquals(BeanDiscovery.Mode.ALL, BeanDiscovery.of(classes).mode());
    }

    @Test
    void aJarsBeansXmlIsReadFromInsideIt(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("app.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("META-INF/beans.xml"));
            zip.write(BEANS.formatted("all").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        BeanDiscovery.Discovery discovery = BeanDiscovery.of(jar);
        assertEquals(BeanDiscovery.Mode.ALL, discovery.mode());
        assertTrue(discovery.source().endsWith("app.jar!/META-INF/beans.xml"), discovery.source());
    }

    @Test
    void aBeansXmlThatIsNotXmlIsAProblemWithTheFix(@TempDir Path classes) throws IOException {
        write(classes.resolve("META-INF/beans.xml"), "<beans");
        assertThrows(BeanDiscovery.UnreadableBeansXml.class, () -> BeanDiscovery.of(classes));
        List<String> problems = BeanDiscovery.problems(
                List.of(new ClientClasses.Found(Beans.Application.class, classes)), Optional.empty(), Optional.empty());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(
                problems.get(0)
                        .startsWith("MIZAN-029 " + classes.resolve("META-INF/beans.xml") + ": cannot be read"
                                + " as beans.xml"),
                problems.get(0));
        assertTrue(problems.get(0).contains("--bean-discovery"), problems.get(0));
    }

    @Test
    void aClassThatIsNoBeanIsAProblemNamingTheClassAndTheFix(@TempDir Path classes) throws IOException {
        List<ClientClasses.Found> found = List.of(
                new ClientClasses.Found(Beans.Application.class, classes),
                new ClientClasses.Found(Unmanaged.class, classes));

        List<String> problems = BeanDiscovery.problems(found, Optional.empty(), Optional.empty());
        assertEquals(1, problems.size(), problems.toString());
        String problem = problems.get(0);
        assertTrue(problem.startsWith("MIZAN-027 io.mizan.codegen.unmanaged.Unmanaged: "), problem);
        assertTrue(problem.contains("404"), problem);
        assertTrue(problem.contains("Fix: annotate it @ApplicationScoped"), problem);
        assertTrue(problem.contains("bean-discovery-mode=\"all\""), problem);
        assertTrue(problem.contains("--bean-discovery all"), problem);

        assertEquals(List.of(), BeanDiscovery.problems(found, Optional.of(BeanDiscovery.Mode.ALL), Optional.empty()));
        write(classes.resolve("META-INF/beans.xml"), BEANS.formatted("all"));
        assertEquals(List.of(), BeanDiscovery.problems(found, Optional.empty(), Optional.empty()));
        assertEquals(
                1,
                BeanDiscovery.problems(found, Optional.of(BeanDiscovery.Mode.ANNOTATED), Optional.empty())
                        .size());

        write(classes.resolve("META-INF/beans.xml"), BEANS.formatted("none"));
        List<String> none = BeanDiscovery.problems(found, Optional.empty(), Optional.empty());
        assertEquals(2, none.size(), none.toString());
        assertTrue(none.get(0).startsWith("MIZAN-028 "), none.get(0));
        assertTrue(none.get(0).contains("bean-discovery-mode=\"none\""), none.get(0));
    }

    @Test
    void aWarsBeansXmlGivenApartCountsForItsClassesUnlessAModeIsGiven(@TempDir Path project) throws IOException {
        Path classes = project.resolve("target/classes");
        Files.createDirectories(classes);
        Path beansXml = project.resolve("src/main/webapp/WEB-INF/beans.xml");
        write(beansXml, BEANS.formatted("all"));
        List<ClientClasses.Found> found = List.of(new ClientClasses.Found(Unmanaged.class, classes));

        assertEquals(
                1,
                BeanDiscovery.problems(found, Optional.empty(), Optional.empty())
                        .size());
        assertEquals(List.of(), BeanDiscovery.problems(found, Optional.empty(), Optional.of(beansXml)));
        assertEquals(
                1,
                BeanDiscovery.problems(found, Optional.of(BeanDiscovery.Mode.ANNOTATED), Optional.of(beansXml))
                        .size());

        write(beansXml, BEANS.formatted("none"));
        List<String> none = BeanDiscovery.problems(found, Optional.empty(), Optional.of(beansXml));
        assertTrue(none.get(0).startsWith("MIZAN-028 "), none.get(0));
        assertTrue(none.get(0).contains(beansXml.toString()), none.get(0));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
