package io.mizan.model;

import io.mizan.AccessCheck;
import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.Scope;
import io.mizan.messages.Messages;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads {@code @Client} methods into a {@link Model} and checks everything a user can get wrong, so
 * that a broken application fails at deployment with messages naming the class, the method and the fix.
 *
 * <p>Used by the CDI extension at deployment and by the code generator on compiled classes.
 *
 * <p><b>What becomes a function.</b> A method annotated {@code @Client} is a function; it must be a
 * public instance method, and it must not be a method the container calls for its own purposes. On a
 * class, {@code @Client} makes a function of every public instance method the class itself declares
 * except: lifecycle and interceptor callbacks ({@code @PostConstruct}, {@code @PreDestroy},
 * {@code @AroundInvoke}, {@code @AroundTimeout}, {@code @AroundConstruct}, EJB {@code @Timeout},
 * {@code @Schedule}, {@code @PostActivate}, {@code @PrePassivate}), initializers ({@code @Inject}),
 * observers ({@code @Observes} or {@code @ObservesAsync} parameter), producers ({@code @Produces}),
 * disposers ({@code @Disposes} parameter), overrides of {@code Object}'s methods ({@code toString},
 * {@code equals}, {@code hashCode}, ...), bridge and synthetic methods, and JavaBean setters
 * ({@code void setX(oneArgument)}), which configure a bean. A method-level {@code @Client} on a setter
 * makes it a function; on any other of those it is refused.
 *
 * <p>How a method's settings merge with its class's is written down on {@link Settings#merge}.
 */
public final class ModelBuilder {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Auth defaultAuth;
    private final List<String> problems = new ArrayList<>();
    private final TypeMapper types = new TypeMapper();

    /** @param defaultAuth what {@link Auth#DEFAULT} means: {@link Auth#PUBLIC} or {@link Auth#AUTHENTICATED} */
    public ModelBuilder(Auth defaultAuth) {
        if (defaultAuth == Auth.DEFAULT) {
            throw new IllegalArgumentException("the default must be PUBLIC or AUTHENTICATED");
        }
        this.defaultAuth = defaultAuth;
    }

    /**
     * Reads {@code mizan.auth.default}'s value.
     *
     * @throws ModelException for a value other than {@code public} or {@code authenticated}
     */
    public static Auth parseDefaultAuth(String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("public")) {
            return Auth.PUBLIC;
        }
        if (value.trim().equalsIgnoreCase("authenticated")) {
            return Auth.AUTHENTICATED;
        }
        throw new ModelException(List.of(Messages.defaultAuthUnknown(value)));
    }

    /** Whether the class declares a server function, so that it belongs in the model. */
    public static boolean declaresFunctions(Class<?> c) {
        if (c.isAnnotationPresent(Client.class)) {
            return true;
        }
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Client.class)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Builds the model of these bean classes.
     *
     * @throws ModelException listing every problem found
     */
    public Model build(Iterable<Class<?>> beanClasses) {
        Map<String, FunctionModel> byName = new TreeMap<>();
        List<FunctionModel> functions = new ArrayList<>();
        List<Class<?>> sorted = new ArrayList<>();
        beanClasses.forEach(sorted::add);
        sorted.sort(Comparator.comparing(Class::getName));
        for (Class<?> beanClass : sorted) {
            checkClass(beanClass);
            for (Method method : functionMethods(beanClass)) {
                FunctionModel function = read(beanClass, method);
                if (function == null) {
                    continue;
                }
                FunctionModel clash = byName.putIfAbsent(function.name(), function);
                if (clash != null) {
                    problems.add(Messages.duplicateName(function.where(), function.name(), clash.where()));
                    continue;
                }
                functions.add(function);
            }
        }
        List<FunctionModel> linked = link(byName, functions);
        problems.addAll(types.contradictions());
        if (!problems.isEmpty()) {
            throw new ModelException(problems);
        }
        return new Model(linked, types.definitions());
    }

    /** Problems of the class as a whole, reported once rather than for each of its methods. */
    private void checkClass(Class<?> beanClass) {
        Client onClass = beanClass.getAnnotation(Client.class);
        if (onClass != null && !onClass.name().isEmpty()) {
            problems.add(Messages.classLevelName(beanClass.getName(), onClass.name()));
        }
        if (onClass != null && onClass.auth() == Auth.PUBLIC && onClass.roles().length > 0) {
            problems.add(Messages.publicWithRoles(beanClass.getName()));
        }
        List<String> jakarta = jakartaAnnotations(beanClass);
        if (jakarta.size() > 1) {
            problems.add(Messages.conflictingSecurityAnnotations(beanClass.getName(), jakarta));
        }
    }

    private List<Method> functionMethods(Class<?> beanClass) {
        Map<String, Method> found = new LinkedHashMap<>();
        boolean classLevel = beanClass.isAnnotationPresent(Client.class);
        for (Class<?> k = beanClass; k != null && k != Object.class; k = k.getSuperclass()) {
            Method[] declared = k.getDeclaredMethods();
            Arrays.sort(declared, Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
            for (Method m : declared) {
                if (m.isBridge() || m.isSynthetic()) {
                    continue;
                }
                boolean annotated = m.isAnnotationPresent(Client.class);
                String role = containerRole(m);
                if (annotated && role != null) {
                    problems.add(Messages.notABusinessMethod(beanClass.getName() + "." + m.getName(), role));
                    continue;
                }
                boolean byClass = classLevel && k == beanClass && Modifier.isPublic(m.getModifiers())
                        && !Modifier.isStatic(m.getModifiers()) && role == null && !isSetter(m);
                if (!annotated && !byClass) {
                    continue;
                }
                if (annotated && (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers()))) {
                    problems.add(Messages.notPublicInstance(beanClass.getName() + "." + m.getName()));
                    continue;
                }
                String signature = m.getName() + Arrays.toString(m.getParameterTypes());
                found.putIfAbsent(signature, m); // a subclass's override wins
            }
        }
        return new ArrayList<>(found.values());
    }

    /** Annotations whose method the container calls itself: lifecycle, interceptor and timer callbacks. */
    private static final Map<String, String> CALLBACKS = Map.ofEntries(
            Map.entry("jakarta.annotation.PostConstruct", "a @PostConstruct lifecycle callback"),
            Map.entry("jakarta.annotation.PreDestroy", "a @PreDestroy lifecycle callback"),
            Map.entry("jakarta.interceptor.AroundInvoke", "an @AroundInvoke interceptor method"),
            Map.entry("jakarta.interceptor.AroundTimeout", "an @AroundTimeout interceptor method"),
            Map.entry("jakarta.interceptor.AroundConstruct", "an @AroundConstruct interceptor method"),
            Map.entry("jakarta.ejb.Timeout", "an EJB @Timeout callback"),
            Map.entry("jakarta.ejb.Schedule", "an EJB @Schedule timer callback"),
            Map.entry("jakarta.ejb.Schedules", "an EJB @Schedules timer callback"),
            Map.entry("jakarta.ejb.PostActivate", "an EJB @PostActivate lifecycle callback"),
            Map.entry("jakarta.ejb.PrePassivate", "an EJB @PrePassivate lifecycle callback"),
            Map.entry("jakarta.inject.Inject", "an @Inject initializer method"),
            Map.entry("jakarta.enterprise.inject.Produces", "a @Produces producer method"));

    /** Parameter annotations that make a method the container's: observers and disposers. */
    private static final Map<String, String> CALLBACK_PARAMETERS = Map.of(
            "jakarta.enterprise.event.Observes", "an observer method (@Observes parameter '%s')",
            "jakarta.enterprise.event.ObservesAsync", "an observer method (@ObservesAsync parameter '%s')",
            "jakarta.enterprise.inject.Disposes", "a disposer method (@Disposes parameter '%s')");

    /**
     * What a method is when the container calls it for its own purposes, or an override of an
     * {@code Object} method; {@code null} for an ordinary business method. Annotations are matched by
     * name, so that the code generator needs no EJB or CDI classes on its class path.
     */
    static String containerRole(Method m) {
        for (Annotation a : m.getAnnotations()) {
            String role = CALLBACKS.get(a.annotationType().getName());
            if (role != null) {
                return role;
            }
        }
        for (Parameter p : m.getParameters()) {
            for (Annotation a : p.getAnnotations()) {
                String role = CALLBACK_PARAMETERS.get(a.annotationType().getName());
                if (role != null) {
                    return String.format(role, p.getName());
                }
            }
        }
        try {
            Object.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
            return "an override of Object." + m.getName();
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** A JavaBean setter: {@code void setName(String name)}. */
    static boolean isSetter(Method m) {
        String n = m.getName();
        return n.length() > 3 && n.startsWith("set") && Character.isUpperCase(n.charAt(3))
                && m.getParameterCount() == 1 && m.getReturnType() == void.class;
    }

    private FunctionModel read(Class<?> beanClass, Method method) {
        Client onMethod = method.getAnnotation(Client.class);
        Client onClass = beanClass.getAnnotation(Client.class);
        Settings settings = Settings.merge(onClass, onMethod);
        String name = settings.name().isEmpty() ? method.getName() : settings.name();
        String where = beanClass.getName() + "." + method.getName();
        if (!NAME.matcher(name).matches()) {
            problems.add(Messages.nameNotIdentifier(where, name));
            return null;
        }
        if (onMethod != null && onMethod.auth() == Auth.PUBLIC && onMethod.roles().length > 0) {
            problems.add(Messages.publicWithRoles(where));
        }
        List<String> jakarta = jakartaAnnotations(method);
        if (jakarta.size() > 1) {
            problems.add(Messages.conflictingSecurityAnnotations(where, jakarta));
        }
        boolean viewPath = Response.class.isAssignableFrom(method.getReturnType());
        List<ParamModel> params = new ArrayList<>();
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            Parameter p = parameters[i];
            if (!p.isNamePresent()) {
                problems.add(Messages.missingParameterNames(where));
                return null;
            }
            ParamModel param = readParam(where, p, i, viewPath);
            if (param == null) {
                return null;
            }
            params.add(param);
        }
        TypeRef result = null;
        if (!viewPath) {
            List<Annotation> annotations = List.of(method.getAnnotations());
            contradiction(where, "its result", method.getGenericReturnType(), annotations);
            try {
                result = types.map(method.getGenericReturnType(), Annotations.nullable(annotations), false);
            } catch (TypeMapper.UnsupportedTypeException e) {
                problems.add(Messages.resultNotJson(where, e.getMessage()));
                return null;
            }
        }
        AccessRule access = accessRule(where, beanClass, method, onMethod, onClass).withCheck(settings.check());
        return new FunctionModel(name, beanClass, method, params, result, settings.context(), access,
                new ArrayList<>(new TreeSet<>(settings.affects())), Map.of(), settings.serverOnly(), viewPath);
    }

    private ParamModel readParam(String where, Parameter p, int index, boolean viewPath) {
        Class<?> type = p.getType();
        List<Annotation> annotations = List.of(p.getAnnotations());
        List<ConstraintModel> constraints = Annotations.constraints(annotations);
        if (type == Principal.class) {
            return new ParamModel(p.getName(), p.getName(), index, ParamModel.Source.PRINCIPAL, p.getParameterizedType(),
                    null, constraints);
        }
        if (type == SecurityContext.class) {
            return new ParamModel(p.getName(), p.getName(), index, ParamModel.Source.SECURITY_CONTEXT,
                    p.getParameterizedType(), null, constraints);
        }
        if (type == HttpServletRequest.class) {
            return new ParamModel(p.getName(), p.getName(), index, ParamModel.Source.REQUEST, p.getParameterizedType(),
                    null, constraints);
        }
        contradiction(where, "parameter '" + p.getName() + "'", p.getParameterizedType(), annotations);
        if (viewPath) {
            return new ParamModel(p.getName(), jaxRsName(p), index, ParamModel.Source.JAX_RS, p.getParameterizedType(),
                    scalarOrNull(p), constraints);
        }
        try {
            TypeRef ref = types.map(p.getParameterizedType(), Annotations.nullable(annotations), true);
            if (ref instanceof TypeRef.Void) {
                throw new TypeMapper.UnsupportedTypeException("Void carries no value");
            }
            return new ParamModel(p.getName(), p.getName(), index, ParamModel.Source.ARGUMENT, p.getParameterizedType(),
                    ref, constraints);
        } catch (TypeMapper.UnsupportedTypeException e) {
            problems.add(Messages.parameterNotJson(where, p.getName(), e.getMessage()));
            return null;
        }
    }

    private void contradiction(String where, String element, Type type, List<Annotation> annotations) {
        String problem = Annotations.nullabilityContradiction(where, element, type, annotations);
        if (problem != null) {
            problems.add(problem);
        }
    }

    private TypeRef scalarOrNull(Parameter p) {
        Class<?> c = p.getType();
        if (TypeMapper.isScalar(c) || c.isEnum()) {
            try {
                return types.map(c, false, true);
            } catch (TypeMapper.UnsupportedTypeException e) {
                return null;
            }
        }
        return null;
    }

    private static String jaxRsName(Parameter p) {
        if (p.isAnnotationPresent(PathParam.class)) {
            return p.getAnnotation(PathParam.class).value();
        }
        if (p.isAnnotationPresent(QueryParam.class)) {
            return p.getAnnotation(QueryParam.class).value();
        }
        if (p.isAnnotationPresent(FormParam.class)) {
            return p.getAnnotation(FormParam.class).value();
        }
        return p.getName();
    }

    /**
     * Who may call a function, first match wins: the method's own {@code @RolesAllowed},
     * {@code @PermitAll} or {@code @DenyAll}; the method's {@code @Client} when it sets {@code auth} or
     * {@code roles}; the class's Jakarta annotation; the class's {@code @Client} when it sets
     * {@code auth} or {@code roles}; {@code mizan.auth.default}. {@code auth} and {@code roles} are
     * read together, as one rule: a method that sets either replaces the class's rule whole, so
     * {@code @Client(auth = Auth.AUTHENTICATED)} on a method of a {@code @Client(roles = "staff")}
     * class lets any signed-in caller in, as {@code @PermitAll} on a method of a
     * {@code @RolesAllowed} class lets everyone in. The custom {@code check} is merged on its own
     * (see {@link Settings#merge}) and asked after this rule passes.
     */
    private AccessRule accessRule(String where, Class<?> beanClass, Method method, Client onMethod, Client onClass) {
        AccessRule rule = jakartaRule(method);
        if (rule == null && onMethod != null) {
            rule = clientRule(onMethod);
        }
        if (rule == null) {
            rule = jakartaRule(beanClass);
        }
        if (rule == null && onClass != null) {
            rule = clientRule(onClass);
        }
        if (rule == null) {
            rule = AccessRule.of(defaultAuth == Auth.AUTHENTICATED ? AccessRule.Kind.AUTHENTICATED
                    : AccessRule.Kind.PUBLIC);
        }
        Class<? extends AccessCheck> check = Settings.merge(onClass, onMethod).check();
        if (check != null && (check.isInterface() || Modifier.isAbstract(check.getModifiers()))) {
            problems.add(Messages.checkNotConcrete(where, check.getName()));
        }
        return rule;
    }

    private static List<String> jakartaAnnotations(AnnotatedElement element) {
        List<String> found = new ArrayList<>();
        if (element.isAnnotationPresent(DenyAll.class)) {
            found.add("@DenyAll");
        }
        if (element.isAnnotationPresent(PermitAll.class)) {
            found.add("@PermitAll");
        }
        if (element.isAnnotationPresent(RolesAllowed.class)) {
            found.add("@RolesAllowed");
        }
        return found;
    }

    private static AccessRule jakartaRule(AnnotatedElement element) {
        if (element.isAnnotationPresent(DenyAll.class)) {
            return AccessRule.of(AccessRule.Kind.DENY_ALL);
        }
        if (element.isAnnotationPresent(PermitAll.class)) {
            return AccessRule.of(AccessRule.Kind.PUBLIC);
        }
        RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
        if (roles != null) {
            return roles.value().length == 0 ? AccessRule.of(AccessRule.Kind.DENY_ALL)
                    : new AccessRule(AccessRule.Kind.ROLES, Set.of(roles.value()), null);
        }
        return null;
    }

    private static AccessRule clientRule(Client client) {
        if (client.roles().length > 0) {
            return new AccessRule(AccessRule.Kind.ROLES, Set.of(client.roles()), null);
        }
        return switch (client.auth()) {
            case PUBLIC -> AccessRule.of(AccessRule.Kind.PUBLIC);
            case AUTHENTICATED -> AccessRule.of(AccessRule.Kind.AUTHENTICATED);
            case DEFAULT -> null;
        };
    }

    /** Checks contexts and {@code affects}, and works out how each affected context's key is scoped. */
    private List<FunctionModel> link(Map<String, FunctionModel> byName, List<FunctionModel> functions) {
        List<String> contextNames = functions.stream().filter(FunctionModel::isContext).map(FunctionModel::name)
                .sorted().toList();
        for (FunctionModel f : functions) {
            if (f.scope() == Scope.GLOBAL && !f.arguments().isEmpty()) {
                problems.add(Messages.globalContextWithArguments(f.where(),
                        f.arguments().stream().map(ParamModel::name).toList()));
            }
            if (f.scope() == Scope.LOCAL) {
                for (ParamModel p : f.arguments()) {
                    if (!keyScalar(p)) {
                        problems.add(Messages.contextParameterNotScalar(f.where(), p.name()));
                    }
                }
            }
            if (f.isContext() && f.viewPath()) {
                problems.add(Messages.contextOnViewPath(f.where()));
            }
        }
        List<FunctionModel> linked = new ArrayList<>();
        for (FunctionModel f : functions) {
            Map<String, List<String>> scopedBy = new TreeMap<>();
            for (String affected : f.affects()) {
                FunctionModel context = byName.get(affected);
                if (context == null || !context.isContext()) {
                    problems.add(Messages.unknownAffects(f.where(), affected, contextNames));
                    continue;
                }
                Set<String> contextParams = new TreeSet<>();
                context.arguments().forEach(p -> contextParams.add(p.name()));
                Set<String> scoping = new TreeSet<>();
                for (ParamModel p : f.params()) {
                    if ((p.source() == ParamModel.Source.ARGUMENT || p.source() == ParamModel.Source.JAX_RS)
                            && contextParams.contains(p.keyName())) {
                        // refused here rather than failing every call while its key is written
                        if (!keyScalar(p)) {
                            problems.add(Messages.scopingParameterNotScalar(f.where(), p.name(), affected));
                            continue;
                        }
                        scoping.add(p.keyName());
                    }
                }
                scopedBy.put(affected, List.copyOf(scoping));
            }
            linked.add(new FunctionModel(f.name(), f.beanClass(), f.method(), f.params(), f.result(), f.scope(),
                    f.access(), f.affects(), scopedBy, f.serverOnly(), f.viewPath()));
        }
        return linked;
    }

    /**
     * Whether a parameter's values can be written into an invalidation key: a scalar or an enum,
     * possibly optional. A view-path parameter has a JSON type only when it is a scalar.
     */
    private static boolean keyScalar(ParamModel p) {
        if (p.type() != null) {
            TypeRef t = p.type() instanceof TypeRef.Nullable n ? n.inner() : p.type();
            return t.isKeyScalar();
        }
        Type type = p.javaType();
        if (type instanceof ParameterizedType pt && pt.getRawType() == Optional.class
                && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
            type = c;
        }
        return type instanceof Class<?> c && (TypeMapper.isScalar(c) || c.isEnum());
    }

    /**
     * A function's settings once its method's {@code @Client} and its class's are merged.
     *
     * @param name the function's name; empty for the method's name
     * @param context whether it is a context
     * @param check the custom access check, or {@code null}
     * @param affects the contexts it changes
     * @param serverOnly whether only server code may call it
     */
    record Settings(String name, Scope context, Class<? extends AccessCheck> check, List<String> affects,
                    boolean serverOnly) {

        /**
         * Merges a method's {@code @Client} with its class's. One rule for every member: a member the
         * method leaves at its default takes the class's value, and a member the method sets is the
         * method's.
         *
         * <table>
         * <caption>How each member merges</caption>
         * <tr><th>member</th><th>method leaves it at</th><th>then</th></tr>
         * <tr><td>{@code name}</td><td>{@code ""}</td><td>the method's name ({@code name} on a class is
         *     refused: every method would share it)</td></tr>
         * <tr><td>{@code context}</td><td>{@code Scope.NONE}</td><td>the class's</td></tr>
         * <tr><td>{@code auth}, {@code roles}</td><td>{@code Auth.DEFAULT} and none</td><td>the class's rule
         *     (one rule, read together; with the Jakarta annotations as written on
         *     {@code ModelBuilder#accessRule})</td></tr>
         * <tr><td>{@code check}</td><td>{@code AccessCheck.class}</td><td>the class's</td></tr>
         * <tr><td>{@code affects}</td><td>none</td><td>the class's</td></tr>
         * <tr><td>{@code serverOnly}</td><td>{@code false}</td><td>the class's</td></tr>
         * </table>
         *
         * <p>So a method cannot switch off a {@code context} or {@code serverOnly} its class sets: such a
         * method belongs in another class.
         *
         * @param onClass the class's {@code @Client}, or {@code null}
         * @param onMethod the method's {@code @Client}, or {@code null}
         */
        static Settings merge(Client onClass, Client onMethod) {
            Client m = onMethod;
            Client c = onClass;
            String name = m != null ? m.name() : "";
            Scope context = m != null && m.context() != Scope.NONE ? m.context()
                    : c != null ? c.context() : Scope.NONE;
            Class<? extends AccessCheck> check = m != null && m.check() != AccessCheck.class ? m.check()
                    : c != null && c.check() != AccessCheck.class ? c.check() : null;
            String[] affects = m != null && m.affects().length > 0 ? m.affects()
                    : c != null ? c.affects() : new String[0];
            boolean serverOnly = (m != null && m.serverOnly()) || (c != null && c.serverOnly());
            return new Settings(name, context, check, List.of(affects), serverOnly);
        }
    }
}
