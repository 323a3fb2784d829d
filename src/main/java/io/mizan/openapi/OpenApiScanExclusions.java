package io.mizan.openapi;

import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Executable;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Keeps the classes Mizan brings into an application out of the server's OpenAPI scan, through the
 * standard setting {@code mp.openapi.scan.exclude.classes}, so that the server's {@code /openapi} keeps
 * answering.
 *
 * <p>Why: Payara's scanner (Payara issue #7649, FISH-12153; still in Payara Micro 6.2025.10) visits every
 * class of {@code WEB-INF/classes} (and of {@code WEB-INF/lib} with {@code mp.openapi.extensions.scan.lib}),
 * every method and constructor of it, and for a parameter that carries one of the Bean Validation
 * constraints it maps ({@code @NotBlank}, {@code @Size}, {@code @Min} ...) reads that parameter's
 * {@code @PathParam} without checking that there is one ({@code ApplicationProcessor.addSchemaParameter},
 * line 511 in 6.2025.10): a {@link NullPointerException}, and {@code /openapi} answers 500 for the whole
 * application, at its first request. Mizan makes such parameters common: a function's own
 * ({@code greet(@NotBlank String name)}), and a record's canonical constructor, to which Java copies the
 * constraints of the record's components ({@code record Address(@NotBlank String city)}). So both are
 * noted here: the classes with server functions and the records and beans their arguments and results
 * use, each only if it has such a parameter (Payara fails on nothing else of theirs), and never a JAX-RS
 * resource, whose endpoints belong in the document. On that Payara, skipping them loses nothing the
 * document could have; where the scanner works, they lose only their own annotations in it (a shared
 * record's {@code @Schema}), never an endpoint.
 *
 * <p>How: a configuration source of the application (registered as a service of the jar), above the
 * usual ones so that it can add to what the application sets rather than replace it: its value is the
 * application's own list, if any, followed by these classes. The CDI extension notes the classes while
 * the application is loaded (Payara runs Weld's bootstrap on {@code APPLICATION_LOADED}); Payara reads
 * the setting when it starts the application's OpenAPI container ({@code OpenApiApplicationContainer.start}
 * creates the {@code OpenAPISupplier}, whose {@code OpenApiConfiguration} reads the application's
 * {@code Config}), later. Servers without that bug lose nothing either: the classes are no resources.
 */
public final class OpenApiScanExclusions extends OneSettingSource {

    /** The MicroProfile OpenAPI setting this source adds to. */
    public static final String PROPERTY = "mp.openapi.scan.exclude.classes";

    /** The package of the standard constraints, the ones Payara's scanner visits. */
    private static final String CONSTRAINTS = io.mizan.model.ConstraintModel.STANDARD_PACKAGE;

    private static final Set<String> CLASSES = new ConcurrentSkipListSet<>();

    /**
     * Notes a class of the application's model (a class with server functions, or a type their
     * arguments or results use) if the scanner would fail on it: it, or a superclass of it, has a
     * method or constructor parameter with a Bean Validation constraint. JAX-RS resources are left in.
     */
    public static void exclude(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class && c != Record.class; c = c.getSuperclass()) {
            if (!c.isAnnotationPresent(Path.class) && hasConstrainedParameter(c)) {
                CLASSES.add(c.getName());
            }
        }
    }

    /** Whether a method or constructor of this class has a parameter with a standard constraint. */
    static boolean hasConstrainedParameter(Class<?> type) {
        try {
            for (Executable e : type.getDeclaredMethods()) {
                if (constrained(e)) {
                    return true;
                }
            }
            for (Executable e : type.getDeclaredConstructors()) {
                if (constrained(e)) {
                    return true;
                }
            }
            return false;
        } catch (LinkageError e) {
            return false; // a class that cannot be read here is not one Mizan uses
        }
    }

    private static boolean constrained(Executable executable) {
        for (Annotation[] annotations : executable.getParameterAnnotations()) {
            for (Annotation a : annotations) {
                if (a.annotationType().getName().startsWith(CONSTRAINTS)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The classes noted so far, for tests and logs. */
    static Set<String> excluded() {
        return Set.copyOf(CLASSES);
    }

    public OpenApiScanExclusions() {
        super(PROPERTY, "Mizan: server functions kept out of the OpenAPI scan");
    }

    @Override
    boolean gives() {
        return !CLASSES.isEmpty();
    }

    @Override
    String value() {
        if (CLASSES.isEmpty() || LowerSources.reading()) {
            return null;
        }
        Set<String> all = new LinkedHashSet<>();
        String own = LowerSources.value(PROPERTY, OpenApiScanExclusions.class);
        if (own != null) {
            for (String name : own.split(",")) {
                if (!name.isBlank()) {
                    all.add(name.strip());
                }
            }
        }
        all.addAll(CLASSES);
        return String.join(",", all);
    }
}
