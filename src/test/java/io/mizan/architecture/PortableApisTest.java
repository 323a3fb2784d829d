package io.mizan.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The library runs on any Jakarta EE 10 server with MicroProfile Config: its sources name no class of
 * a server or of one server's implementation of an API (Payara, GlassFish, Jersey, Tyrus, Yasson,
 * Weld, WildFly, Undertow, RESTEasy, Elytron, Hibernate Validator, SmallRye). Where servers differ,
 * the library asks the standard APIs and, at most, compares a name (see {@code ContainerCaller}).
 */
class PortableApisTest {

    private static final Pattern SERVER_CLASS = Pattern.compile(
            "^\\s*import\\s+(?:static\\s+)?((?:fish\\.payara|com\\.sun\\.enterprise|org\\.glassfish|org\\.eclipse\\.yasson"
                    + "|org\\.jboss|org\\.wildfly|io\\.undertow|org\\.hibernate|io\\.smallrye|org\\.apache\\.catalina)"
                    + "\\.[\\w.]+);",
            Pattern.MULTILINE);

    @Test
    void noSourceImportsAServersClasses() throws IOException {
        List<String> found = new ArrayList<>();
        int files = 0;
        try (Stream<Path> sources = Files.walk(Path.of(System.getProperty("user.dir"), "src", "main", "java"))) {
            for (Path file : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                files++;
                Matcher m = SERVER_CLASS.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(file.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertTrue(files > 100, "the sources were found: " + files);
        assertEquals(List.of(), found);
    }
}
