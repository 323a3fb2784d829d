package io.mizan.model;

import io.mizan.AccessCheck;
import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.Scope;
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
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads {@code @Client} methods into a {@link Model} and checks everything a user can get wrong, so
 * that a broken application fails at deployment with messages naming the class, the method and the fix.
 *
 * <p>Used by the CDI extension at deployment and by the code generator on compiled classes.
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
        throw new ModelException(List.of("Mizan: mizan.auth.default is '" + value + "'. Fix: set it to"
                + " 'public' or 'authenticated'."));
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
            for (Method method : functionMethods(beanClass)) {
                FunctionModel function = read(beanClass, method);
                if (function == null) {
                    continue;
                }
                FunctionModel clash = byName.putIfAbsent(function.name(), function);
                if (clash != null) {
                    problem(function, "the function name '" + function.name() + "' is also used by "
                            + clash.where(), "give one of them another name with @Client(name = \"...\")");
                    continue;
                }
                functions.add(function);
            }
        }
        List<FunctionModel> linked = link(byName, functions);
        if (!problems.isEmpty()) {
            throw new ModelException(problems);
        }
        return new Model(linked, types.definitions());
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
                boolean byClass = classLevel && k == beanClass && Modifier.isPublic(m.getModifiers())
                        && !Modifier.isStatic(m.getModifiers());
                if (!annotated && !byClass) {
                    continue;
                }
                if (annotated && (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers()))) {
                    problems.add("Mizan: " + beanClass.getName() + "." + m.getName() + ": a @Client method must be"
                            + " public and not static. Fix: make it a public instance method.");
                    continue;
                }
                String signature = m.getName() + Arrays.toString(m.getParameterTypes());
                found.putIfAbsent(signature, m); // a subclass's override wins
            }
        }
        return new ArrayList<>(found.values());
    }

    private FunctionModel read(Class<?> beanClass, Method method) {
        Client onMethod = method.getAnnotation(Client.class);
        Client onClass = beanClass.getAnnotation(Client.class);
        Client settings = onMethod != null ? onMethod : onClass;
        String name = settings.name().isEmpty() ? method.getName() : settings.name();
        String where = beanClass.getName() + "." + method.getName();
        if (!NAME.matcher(name).matches()) {
            problems.add("Mizan: " + where + ": the function name '" + name + "' is not an identifier."
                    + " Fix: use letters, digits and '_' in @Client(name = ...).");
            return null;
        }
        boolean viewPath = Response.class.isAssignableFrom(method.getReturnType());
        List<ParamModel> params = new ArrayList<>();
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            Parameter p = parameters[i];
            if (!p.isNamePresent()) {
                problems.add("Mizan: " + where + ": parameter names are missing from the class file, so arguments"
                        + " cannot bind by name. Fix: compile with -parameters (maven-compiler-plugin:"
                        + " <parameters>true</parameters>).");
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
            try {
                result = types.map(method.getGenericReturnType(), Annotations.nullable(List.of(method.getAnnotations())),
                        false);
            } catch (TypeMapper.UnsupportedTypeException e) {
                problems.add("Mizan: " + where + ": its result cannot be sent as JSON: " + e.getMessage() + ".");
                return null;
            }
        }
        Scope scope = settings.context();
        AccessRule access = accessRule(beanClass, method, onMethod, onClass);
        return new FunctionModel(name, beanClass, method, params, result, scope, access,
                new ArrayList<>(new TreeSet<>(Arrays.asList(settings.affects()))), Map.of(),
                settings.serverOnly(), viewPath);
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
            problems.add("Mizan: " + where + ": parameter '" + p.getName() + "' cannot be read from JSON: "
                    + e.getMessage() + ".");
            return null;
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

    private AccessRule accessRule(Class<?> beanClass, Method method, Client onMethod, Client onClass) {
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
        Class<? extends AccessCheck> check = null;
        if (onMethod != null && onMethod.check() != AccessCheck.class) {
            check = onMethod.check();
        } else if (onClass != null && onClass.check() != AccessCheck.class) {
            check = onClass.check();
        }
        if (check != null && (check.isInterface() || Modifier.isAbstract(check.getModifiers()))) {
            problems.add("Mizan: " + beanClass.getName() + "." + method.getName() + ": check = "
                    + check.getName() + " is not a concrete class. Fix: name a CDI bean class that implements"
                    + " io.mizan.AccessCheck.");
        }
        return rule.withCheck(check);
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
                problem(f, "a GLOBAL context cannot take arguments, but it has "
                        + f.arguments().stream().map(ParamModel::name).toList(),
                        "remove the parameters, or make it @Client(context = Scope.LOCAL)");
            }
            if (f.scope() == Scope.LOCAL) {
                for (ParamModel p : f.arguments()) {
                    TypeRef t = p.type() instanceof TypeRef.Nullable n ? n.inner() : p.type();
                    if (!t.isKeyScalar()) {
                        problem(f, "the LOCAL context's parameter '" + p.name() + "' is not a scalar"
                                + " (a string, number, boolean, enum, UUID or date)",
                                "pass scalar values (an id, not the whole object)");
                    }
                }
            }
            if (f.isContext() && f.viewPath()) {
                problem(f, "a context must return data, not a jakarta.ws.rs.core.Response",
                        "return the value itself, or drop context = ...");
            }
        }
        List<FunctionModel> linked = new ArrayList<>();
        for (FunctionModel f : functions) {
            Map<String, List<String>> scopedBy = new TreeMap<>();
            for (String affected : f.affects()) {
                FunctionModel context = byName.get(affected);
                if (context == null || !context.isContext()) {
                    problem(f, "affects = \"" + affected + "\" names no context (the contexts are "
                            + (contextNames.isEmpty() ? "none" : String.join(", ", contextNames)) + ")",
                            "name a method annotated @Client(context = Scope.GLOBAL or Scope.LOCAL)");
                    continue;
                }
                Set<String> own = new TreeSet<>();
                for (ParamModel p : f.params()) {
                    if (p.source() == ParamModel.Source.ARGUMENT || p.source() == ParamModel.Source.JAX_RS) {
                        own.add(p.keyName());
                    }
                }
                scopedBy.put(affected, context.arguments().stream().map(ParamModel::name).filter(own::contains)
                        .sorted().toList());
            }
            linked.add(new FunctionModel(f.name(), f.beanClass(), f.method(), f.params(), f.result(), f.scope(),
                    f.access(), f.affects(), scopedBy, f.serverOnly(), f.viewPath()));
        }
        return linked;
    }

    private void problem(FunctionModel f, String what, String fix) {
        problems.add("Mizan: " + f.where() + ": " + what + ". Fix: " + fix + ".");
    }
}
