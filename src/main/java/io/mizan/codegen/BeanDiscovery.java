package io.mizan.codegen;

import io.mizan.messages.Messages;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which classes CDI makes beans of, so that the generator writes only the functions and channels the
 * server has: the server collects {@code @Client} methods and {@code @Channel} handlers from the beans
 * CDI discovers, and calls to a method of a class that is no bean, or joins of a channel whose handler
 * is none, answer 404.
 *
 * <p>In an archive whose {@code beans.xml} says {@code bean-discovery-mode="annotated"} (CDI 4's default
 * for an empty or absent {@code beans.xml}), a class is a bean only with a bean-defining annotation: a
 * normal scope ({@code @ApplicationScoped}, {@code @RequestScoped}, {@code @SessionScoped}...),
 * {@code @Dependent}, a stereotype, or an EJB {@code @Stateless}, {@code @Singleton} or {@code @Stateful}.
 * With {@code "all"}, every class is; with {@code "none"}, none is.
 *
 * <pre>{@code
 * BeanDiscovery.of(Path.of("target/classes"));   // [ANNOTATED from the default (no META-INF/beans.xml ...)]
 * BeanDiscovery.isBean(Users.class);             // true: @ApplicationScoped
 * }</pre>
 *
 * <p>The mode is read from the {@code beans.xml} of each class folder or jar given with {@code --classes}:
 * {@code META-INF/beans.xml}, or {@code WEB-INF/beans.xml} for a WAR or its {@code WEB-INF/classes}. A WAR's
 * {@code beans.xml} usually sits in {@code src/main/webapp/WEB-INF}, which the compiled classes do not
 * show: {@code --bean-discovery all|annotated} says it instead.
 */
final class BeanDiscovery {

    /** A {@code bean-discovery-mode}. */
    enum Mode {
        ALL,
        ANNOTATED,
        NONE;

        /** The value of {@code --bean-discovery}: {@code all} or {@code annotated}. */
        static Optional<Mode> option(String value) {
            return switch (value) {
                case "all" -> Optional.of(ALL);
                case "annotated" -> Optional.of(ANNOTATED);
                default -> Optional.empty();
            };
        }

        /** As beans.xml writes it: {@code annotated}. */
        String xml() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A mode and where it comes from, for the error message: {@code target/classes/META-INF/beans.xml}. */
    record Discovery(Mode mode, String source) {}

    /** Annotations that make a class a bean by themselves. */
    private static final Set<String> BEAN_DEFINING = Set.of(
            "jakarta.enterprise.context.Dependent",
            "jakarta.interceptor.Interceptor",
            "jakarta.decorator.Decorator",
            "jakarta.ejb.Stateless",
            "jakarta.ejb.Singleton",
            "jakarta.ejb.Stateful");

    /** Meta-annotations that make an annotation bean-defining: a normal scope, a stereotype. */
    private static final Set<String> BEAN_DEFINING_META =
            Set.of("jakarta.enterprise.context.NormalScope", "jakarta.enterprise.inject.Stereotype");

    private static final String WEB_INF_BEANS = "WEB-INF/beans.xml";
    private static final String META_INF_BEANS = "META-INF/beans.xml";

    private BeanDiscovery() {}

    /**
     * The problems of the classes that declare functions but are no beans, each naming the class and
     * the fix; empty when every one is a bean.
     *
     * @param given the mode of {@code --bean-discovery}; empty to read each archive's beans.xml
     * @param beansXml the beans.xml of {@code --beans-xml}, read when no mode is given; empty to read each
     *     archive's own
     */
    static List<String> problems(List<ClientClasses.Found> classes, Optional<Mode> given, Optional<Path> beansXml) {
        List<String> problems = new ArrayList<>();
        Map<Path, Discovery> byArchive = new HashMap<>();
        for (ClientClasses.Found found : classes) {
            Discovery discovery;
            try {
                discovery = given.map(m -> new Discovery(m, "--bean-discovery"))
                        .or(() -> beansXml.map(BeanDiscovery::ofFile))
                        .orElseGet(() -> byArchive.computeIfAbsent(found.archive(), BeanDiscovery::of));
            } catch (UnreadableBeansXml e) {
                problems.add(Messages.beansXmlUnreadable(e.getMessage(), String.valueOf(e.getCause())));
                continue;
            }
            String name = found.type().getName();
            if (discovery.mode() == Mode.NONE) {
                problems.add(Messages.beanDiscoveryNone(name, discovery.source()));
            } else if (discovery.mode() == Mode.ANNOTATED && !isBean(found.type())) {
                problems.add(Messages.noBeanDefiningAnnotation(
                        name, discovery.source(), discovery.source().endsWith("beans.xml")));
            }
        }
        return problems;
    }

    /** Whether a class has a bean-defining annotation, its own or inherited. */
    static boolean isBean(Class<?> type) {
        for (Annotation a : type.getAnnotations()) {
            Class<? extends Annotation> annotation = a.annotationType();
            if (BEAN_DEFINING.contains(annotation.getName())) {
                return true;
            }
            for (Annotation meta : annotation.getAnnotations()) {
                if (BEAN_DEFINING_META.contains(meta.annotationType().getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The mode of a class folder or jar, from its beans.xml; annotated when there is none.
     *
     * @throws UnreadableBeansXml when its beans.xml is not XML
     */
    static Discovery of(Path archive) {
        if (archive == null) {
            return new Discovery(Mode.ANNOTATED, "the default: the classes' folder or jar is unknown");
        }
        try {
            if (Files.isDirectory(archive)) {
                List<Path> candidates = new ArrayList<>(List.of(archive.resolve(META_INF_BEANS)));
                Path parent = archive.toAbsolutePath().getParent();
                if (archive.getFileName() != null
                        && archive.getFileName().toString().equals("classes")
                        && parent != null
                        && parent.getFileName() != null
                        && parent.getFileName().toString().equals("WEB-INF")) {
                    candidates.add(0, parent.resolve("beans.xml"));
                }
                for (Path beansXml : candidates) {
                    if (Files.isRegularFile(beansXml)) {
                        try (InputStream in = Files.newInputStream(beansXml)) {
                            return new Discovery(mode(in, beansXml.toString()), beansXml.toString());
                        }
                    }
                }
            } else if (Files.isRegularFile(archive)) {
                try (ZipFile zip = new ZipFile(archive.toFile())) {
                    for (String entry : List.of(WEB_INF_BEANS, "WEB-INF/classes/" + META_INF_BEANS, META_INF_BEANS)) {
                        ZipEntry beansXml = zip.getEntry(entry);
                        if (beansXml != null) {
                            String where = archive + "!/" + entry;
                            try (InputStream in = zip.getInputStream(beansXml)) {
                                return new Discovery(mode(in, where), where);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UnreadableBeansXml(archive.toString(), e);
        }
        return new Discovery(Mode.ANNOTATED, "the default: no " + META_INF_BEANS + " in " + archive);
    }

    /**
     * The mode a given beans.xml says: a WAR's, which sits in {@code src/main/webapp/WEB-INF} and not
     * among its compiled classes.
     *
     * @throws UnreadableBeansXml when it is not XML
     */
    static Discovery ofFile(Path beansXml) {
        try (InputStream in = Files.newInputStream(beansXml)) {
            return new Discovery(mode(in, beansXml.toString()), beansXml.toString());
        } catch (IOException e) {
            throw new UnreadableBeansXml(beansXml.toString(), e);
        }
    }

    /** The bean-discovery-mode of a beans.xml; annotated when it is empty or does not say. */
    private static Mode mode(InputStream in, String where) throws IOException {
        byte[] bytes = in.readAllBytes();
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return Mode.ANNOTATED;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
            String value = document.getDocumentElement()
                    .getAttribute("bean-discovery-mode")
                    .trim();
            return switch (value) {
                case "all" -> Mode.ALL;
                case "none" -> Mode.NONE;
                default -> Mode.ANNOTATED;
            };
        } catch (ParserConfigurationException | SAXException e) {
            throw new UnreadableBeansXml(where, e);
        }
    }

    /** A beans.xml that cannot be read; the message is where it is. */
    static final class UnreadableBeansXml extends RuntimeException {
        UnreadableBeansXml(String where, Exception cause) {
            super(where, cause, false, false);
        }
    }
}
