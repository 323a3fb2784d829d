package io.mizan.inprocess;

import io.mizan.cdi.MizanExtension;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;


/**
 * Boots Weld SE in this JVM with {@link MizanExtension}, the given bean classes and nothing else
 * (no discovery, none of Mizan's runtime beans), configured with the given MicroProfile Config
 * properties only. A deployment takes milliseconds, so every deployment problem has a test here;
 * the Payara Micro ITs stay the black-box tier.
 *
 * <pre>{@code
 * InProcess.assertRefused("MIZAN-001", "com.example.Greeters.hello", Greeters.class);
 * try (InProcess.Deployment d = InProcess.deploy(Map.of("mizan.auth.default", "public"), Users.class)) {
 *     Model model = d.extension().model();
 * }
 * }</pre>
 */
public final class InProcess {

    private static final AtomicInteger IDS = new AtomicInteger();

    private InProcess() {
    }

    /**
     * The outcome of one deployment: a running container, or the failure Weld reported.
     *
     * @param container the container, or {@code null} when the deployment failed
     * @param failure what failed it, or {@code null}
     */
    public record Deployment(WeldContainer container, Throwable failure) implements AutoCloseable {

        /** The extension of a deployment that succeeded. */
        public MizanExtension extension() {
            assertNotNull(container, () -> "the deployment failed: " + text(failure));
            return container.getBeanManager().getExtension(MizanExtension.class);
        }

        /** Every message of the failure, its causes and suppressed exceptions, one a line. */
        public String problems() {
            assertNotNull(failure, "the deployment succeeded, but a problem was expected");
            return text(failure);
        }

        @Override
        public void close() {
            if (container != null && container.isRunning()) {
                container.shutdown();
            }
        }
    }

    /** Deploys these bean classes with these settings. */
    public static Deployment deploy(Map<String, String> config, Class<?>... beanClasses) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // a class loader of its own, so that its configuration is this deployment's alone; under the
        // beans' loader, so that classes compiled by a test are found too
        ClassLoader loader = new ClassLoader(beanClasses.length > 0 ? beanClasses[0].getClassLoader() : previous) {
        };
        SmallRyeConfig settings = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(config, "in-process", 500)).build();
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        resolver.registerConfig(settings, loader);
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Weld weld = new Weld("mizan-in-process-" + IDS.incrementAndGet())
                    .disableDiscovery()
                    .property(Weld.SHUTDOWN_HOOK_SYSTEM_PROPERTY, false)
                    .addExtension(new MizanExtension())
                    .beanClasses(beanClasses);
            try {
                return new Deployment(weld.initialize(), null);
            } catch (RuntimeException e) {
                return new Deployment(null, e);
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
            resolver.releaseConfig(settings);
        }
    }

    /** Deploys these bean classes with no settings. */
    public static Deployment deploy(Class<?>... beanClasses) {
        return deploy(Map.of(), beanClasses);
    }

    /**
     * Asserts that the deployment fails with a problem that has this id and names this place
     * ({@code com.example.Users.rename}, a class, or a setting); returns every problem reported.
     */
    public static String assertRefused(String id, String where, Map<String, String> config, Class<?>... beanClasses) {
        try (Deployment deployment = deploy(config, beanClasses)) {
            String problems = deployment.problems();
            assertTrue(problems.contains(id + " " + where + ": "), () -> "expected " + id + " at " + where
                    + ", got:\n" + problems);
            return problems;
        }
    }

    /** {@link #assertRefused(String, String, Map, Class[])} with no settings. */
    public static String assertRefused(String id, String where, Class<?>... beanClasses) {
        return assertRefused(id, where, Map.of(), beanClasses);
    }

    private static String text(Throwable failure) {
        StringBuilder out = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        append(failure, out, seen);
        return out.toString();
    }

    private static void append(Throwable t, StringBuilder out, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        out.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        append(t.getCause(), out, seen);
        for (Throwable s : t.getSuppressed()) {
            append(s, out, seen);
        }
    }
}
