package io.mizan.inprocess;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.cdi.BeanReferences;
import io.mizan.cdi.CheckBeans;
import io.mizan.cdi.ClientInterceptor;
import io.mizan.cdi.FormInterceptor;
import io.mizan.cdi.FrameInvalidator;
import io.mizan.cdi.HubBroadcaster;
import io.mizan.cdi.MizanBeans;
import io.mizan.cdi.MizanExtension;
import io.mizan.invoke.Entry;
import io.mizan.invoke.Invocation;
import io.mizan.invoke.Invoker;
import io.mizan.invoke.Outcome;
import io.mizan.json.ArgumentBinder;
import io.mizan.model.FunctionModel;
import io.mizan.security.Caller;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.json.Json;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Boots Weld SE in this JVM with {@link MizanExtension} and the given bean classes, configured with
 * the given MicroProfile Config properties only. A deployment takes milliseconds, so every deployment
 * problem has a test here; the Payara Micro ITs stay the black-box tier.
 *
 * <p>{@link #deploy} adds nothing else (no discovery, none of Mizan's runtime beans): it is for
 * deployment problems. {@link #start} adds the running core as a server has it: {@link MizanBeans},
 * the {@link ClientInterceptor} (enabled by its {@code @Priority}), {@link FrameInvalidator},
 * {@link BeanReferences}, {@link CheckBeans}, a Hibernate Validator {@link BeanValidation}, an
 * {@link InvalidatedEvents} observer, and {@link StandInSecurity} in place of Jakarta Security, the one
 * container service stood in for. Only the JAX-RS resource and the servlet filter are left to the ITs.
 *
 * <pre>{@code
 * InProcess.assertRefused("MIZAN-001", "com.example.Greeters.hello", Greeters.class);
 * try (InProcess.Deployment d = InProcess.deploy(Map.of("mizan.auth.default", "public"), Users.class)) {
 *     Model model = d.extension().model();
 * }
 * try (InProcess.Deployment d = InProcess.start(Users.class)) {
 *     Outcome outcome = d.call("rename", InProcess.user("ann"), Entry.CLIENT, "{\"userId\":5,\"name\":\"Eve\"}");
 * }
 * }</pre>
 */
public final class InProcess {

    private static final AtomicInteger IDS = new AtomicInteger();

    /** Mizan's runtime beans and the test's stand-ins for what a server provides. */
    private static final List<Class<?>> RUNTIME = List.of(
            MizanBeans.class,
            ClientInterceptor.class,
            FormInterceptor.class,
            FrameInvalidator.class,
            BeanReferences.class,
            CheckBeans.class,
            HubBroadcaster.class,
            BeanValidation.class,
            StandInSecurity.class,
            InvalidatedEvents.class);

    private InProcess() {}

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

        /** A bean of a running deployment, as the application would inject it. */
        public <T> T bean(Class<T> type) {
            assertNotNull(container, () -> "the deployment failed: " + text(failure));
            return container.select(type).get();
        }

        /** The one invoker every entry point calls. */
        public Invoker invoker() {
            return bean(Invoker.class);
        }

        /** Who the container says is calling (for server code calling beans directly). */
        public StandInSecurity security() {
            return bean(StandInSecurity.class);
        }

        /** The keys of every {@link io.mizan.Invalidated} event fired so far. */
        public List<List<String>> invalidated() {
            return bean(InvalidatedEvents.class).fired();
        }

        /** The function of this name. */
        public FunctionModel function(String name) {
            return extension().model().function(name).orElseThrow(() -> new AssertionError("no function " + name));
        }

        /**
         * Calls a function the way an entry point does: authorize, bind the JSON arguments, invoke.
         *
         * @throws Exception what the call threw ({@link io.mizan.MizanException} for a refusal or a failure on purpose)
         */
        public Outcome call(String name, Caller caller, Entry entry, String json) throws Exception {
            FunctionModel function = function(name);
            Invocation call = invoker().authorize(function, caller, entry, null);
            Object[] args = bean(ArgumentBinder.class)
                    .bind(function, Json.createReader(new StringReader(json)).readObject(), call);
            return invoker().invoke(call, args);
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
        return boot(config, List.of(beanClasses));
    }

    /**
     * Starts these bean classes with the running core and these settings, and asserts that the
     * deployment succeeds.
     */
    public static Deployment start(Map<String, String> config, Class<?>... beanClasses) {
        List<Class<?>> classes = new ArrayList<>(List.of(beanClasses));
        classes.addAll(RUNTIME);
        Deployment deployment = boot(config, classes);
        assertNotNull(deployment.container(), () -> "the deployment failed: " + text(deployment.failure()));
        return deployment;
    }

    /** {@link #start(Map, Class[])} with no settings. */
    public static Deployment start(Class<?>... beanClasses) {
        return start(Map.of(), beanClasses);
    }

    /**
     * {@link #start(Class[])} with Hibernate Validator's CDI extension too, as a server has it: its
     * interceptor validates the parameters and results of constrained bean methods.
     */
    public static Deployment startWithMethodValidation(Class<?>... beanClasses) {
        List<Class<?>> classes = new ArrayList<>(List.of(beanClasses));
        classes.addAll(RUNTIME);
        Deployment deployment = boot(Map.of(), classes, new org.hibernate.validator.cdi.ValidationExtension());
        assertNotNull(deployment.container(), () -> "the deployment failed: " + text(deployment.failure()));
        return deployment;
    }

    /** A signed-in caller with these roles, as an entry point hands it to the invoker. */
    public static Caller user(String name, String... roles) {
        return io.mizan.security.TestCallers.user(name, roles);
    }

    private static Deployment boot(
            Map<String, String> config, List<Class<?>> beanClasses, jakarta.enterprise.inject.spi.Extension... more) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // a class loader of its own, so that its configuration is this deployment's alone; under the
        // beans' loader, so that classes compiled by a test are found too
        ClassLoader loader =
                new ClassLoader(!beanClasses.isEmpty() ? beanClasses.get(0).getClassLoader() : previous) {};
        SmallRyeConfig settings = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(config, "in-process", 500))
                .build();
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        resolver.registerConfig(settings, loader);
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Weld weld = new Weld("mizan-in-process-" + IDS.incrementAndGet())
                    .disableDiscovery()
                    .property(Weld.SHUTDOWN_HOOK_SYSTEM_PROPERTY, false)
                    .addExtension(new MizanExtension())
                    .addExtensions(more)
                    .beanClasses(beanClasses.toArray(Class<?>[]::new));
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
            assertTrue(
                    problems.contains(id + " " + where + ": "),
                    () -> "expected " + id + " at " + where + ", got:\n" + problems);
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
