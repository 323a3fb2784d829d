package io.mizan.cdi;

import io.mizan.AccessCheck;
import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.Form;
import io.mizan.auth.SignInFunctions;
import io.mizan.config.MizanSettings;
import io.mizan.messages.Messages;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import io.mizan.model.ModelException;
import io.mizan.openapi.OpenApiScanExclusions;
import io.mizan.openapi.OpenApiState;
import io.mizan.telemetry.TelemetrySettings;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.Interceptor;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.WithAnnotations;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects every bean with {@code @Client} methods at deployment, builds the {@link Model} once and
 * refuses the deployment when the annotations or the settings are wrong, naming the class, the method
 * (or the setting) and the fix. Every problem is one of {@link Messages}, reported all at once.
 */
public class MizanExtension implements Extension {

    private final Map<Class<?>, Bean<?>> beans = new HashMap<>();
    private final Map<Class<?>, Bean<?>> checks = new HashMap<>();
    private final Set<String> roles = new java.util.TreeSet<>();
    private final Set<Method> validatedHere = ConcurrentHashMap.newKeySet();
    private Model model;
    private MizanSettings settings;
    private TelemetrySettings telemetry = TelemetrySettings.DEFAULTS;

    /**
     * Notes every role the application names ({@code @DeclareRoles}, {@code @RolesAllowed}), so that a
     * WebSocket, whose roles can only be asked during its handshake, knows them all.
     */
    <T> void roles(@Observes @WithAnnotations({DeclareRoles.class, RolesAllowed.class}) ProcessAnnotatedType<T> event) {
        AnnotatedType<T> type = event.getAnnotatedType();
        DeclareRoles declared = type.getAnnotation(DeclareRoles.class);
        if (declared != null) {
            roles.addAll(List.of(declared.value()));
        }
        RolesAllowed onClass = type.getAnnotation(RolesAllowed.class);
        if (onClass != null) {
            roles.addAll(List.of(onClass.value()));
        }
        for (AnnotatedMethod<? super T> method : type.getMethods()) {
            RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
            if (allowed != null) {
                roles.addAll(List.of(allowed.value()));
            }
        }
    }

    /**
     * Takes the server's validation interceptor off the methods Mizan's interceptors run around, after
     * the validation extension has bound it, so that a call's arguments are validated once: see
     * {@link FunctionValidation}, which validates what the interceptor would have.
     */
    <T> void validateFunctionsHere(
            @Observes
                    @Priority(jakarta.interceptor.Interceptor.Priority.LIBRARY_AFTER)
                    @WithAnnotations({Client.class, Form.class})
                    ProcessAnnotatedType<T> event) {
        AnnotatedType<T> type = event.getAnnotatedType();
        boolean everyMethod = type.isAnnotationPresent(Client.class) || type.isAnnotationPresent(Form.class);
        Set<Method> taken = new HashSet<>();
        for (AnnotatedMethod<? super T> method : type.getMethods()) {
            boolean intercepted =
                    everyMethod || method.isAnnotationPresent(Client.class) || method.isAnnotationPresent(Form.class);
            if (intercepted && method.getAnnotations().stream().anyMatch(FunctionValidation::isBinding)) {
                taken.add(method.getJavaMember());
            }
        }
        if (!taken.isEmpty()) {
            event.configureAnnotatedType()
                    .filterMethods(method -> taken.contains(method.getJavaMember()))
                    .forEach(method -> method.remove(FunctionValidation::isBinding));
            validatedHere.addAll(taken);
        }
    }

    <T> void collect(@Observes ProcessManagedBean<T> event) {
        Bean<?> bean = event.getBean();
        Class<?> type = event.getAnnotatedBeanClass().getJavaClass();
        if (!(bean instanceof Interceptor<?>) && ModelBuilder.belongsInModel(type)) {
            beans.put(type, bean);
            OpenApiScanExclusions.exclude(type);
        }
        // kept here because the library's own bean manager cannot see the application's classes
        if (AccessCheck.class.isAssignableFrom(type)) {
            checks.put(type, bean);
        }
    }

    void build(@Observes AfterDeploymentValidation event) {
        Auth defaultAuth;
        Config config = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
        try {
            settings = MizanSettings.from(config);
            defaultAuth = settings.defaultAuth();
        } catch (ModelException e) {
            e.problems().forEach(p -> event.addDeploymentProblem(new DeploymentException(p)));
            // the annotations are still checked, so that one failed deployment reports every problem
            defaultAuth = Auth.PUBLIC;
        }
        try {
            telemetry = TelemetrySettings.from(config);
        } catch (ModelException e) {
            e.problems().forEach(p -> event.addDeploymentProblem(new DeploymentException(p)));
        }
        Set<Class<?>> classes = new LinkedHashSet<>(beans.keySet());
        if (settings == null || !settings.signIn().functions()) {
            classes.remove(SignInFunctions.class); // Mizan's own, and off unless mizan.auth.functions is true
        }
        Model built;
        try {
            built = new ModelBuilder(defaultAuth).build(classes);
        } catch (ModelException e) {
            e.problems().forEach(p -> event.addDeploymentProblem(new DefinitionException(p)));
            return;
        }
        Set<Class<?>> seen = new LinkedHashSet<>();
        boolean checksAreBeans = true;
        for (FunctionModel f : built.functions().values()) {
            if (f.access().check() != null
                    && seen.add(f.access().check())
                    && !checks.containsKey(f.access().check())) {
                event.addDeploymentProblem(new DefinitionException(
                        Messages.checkNotBean(f.where(), f.access().check().getName())));
                checksAreBeans = false;
            }
        }
        if (settings != null && checksAreBeans) {
            model = built;
            // the records and beans that arguments and results use: a record's constraints are also on
            // its constructor's parameters, which Payara's OpenAPI scanner fails on (see the class)
            built.types().values().forEach(t -> OpenApiScanExclusions.exclude(t.javaType()));
            OpenApiState.model(built); // read by the server's OpenAPI filter, which is no bean
        }
    }

    /** The function methods whose Bean Validation Mizan does in place of the server's interceptor. */
    Set<Method> validatedHere() {
        return Set.copyOf(validatedHere);
    }

    /** The application's model; set once deployment has been validated. */
    public Model model() {
        if (model == null) {
            throw new IllegalStateException("the Mizan model is not built yet");
        }
        return model;
    }

    /** Every role the application names, in annotations and in its functions' access rules. */
    public Set<String> roles() {
        Set<String> all = new java.util.TreeSet<>(roles);
        if (model != null) {
            model.functions().values().forEach(f -> all.addAll(f.access().roles()));
        }
        return all;
    }

    /** The settings read at deployment. */
    public MizanSettings settings() {
        return settings;
    }

    /** What to record calls through, read at deployment. */
    public TelemetrySettings telemetrySettings() {
        return telemetry;
    }

    /** The bean of an {@link AccessCheck} class. */
    public Bean<?> checkBean(Class<?> checkClass) {
        return checks.get(checkClass);
    }

    /** The bean that declares a function's method. */
    public Bean<?> bean(Class<?> beanClass) {
        return beans.get(beanClass);
    }
}
