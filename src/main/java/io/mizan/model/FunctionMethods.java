package io.mizan.model;

import io.mizan.Client;
import io.mizan.messages.Messages;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which methods of a bean class are functions. A method annotated {@code @Client} is one; it
 * must be a public instance method, and it must not be a method the container calls for its own
 * purposes. On a class, {@code @Client} makes a function of every public instance method the class
 * itself declares except: lifecycle and interceptor callbacks ({@code @PostConstruct},
 * {@code @PreDestroy}, {@code @AroundInvoke}, {@code @AroundTimeout}, {@code @AroundConstruct}, EJB
 * {@code @Timeout}, {@code @Schedule}, {@code @PostActivate}, {@code @PrePassivate}), initializers
 * ({@code @Inject}), observers ({@code @Observes} or {@code @ObservesAsync} parameter), producers
 * ({@code @Produces}), disposers ({@code @Disposes} parameter), overrides of {@code Object}'s methods
 * ({@code toString}, {@code equals}, {@code hashCode}, ...), bridge and synthetic methods, and JavaBean
 * setters ({@code void setX(oneArgument)}), which configure a bean. A method-level {@code @Client} on a
 * setter makes it a function; on any other of those it is refused.
 *
 * <pre>{@code
 * new FunctionMethods(problems).of(Users.class);   // [public UserView Users.rename(long, String), ...]
 * }</pre>
 */
final class FunctionMethods {

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

    private final List<String> problems;

    /** @param problems where a method-level {@code @Client} on a method that cannot be a function is reported */
    FunctionMethods(List<String> problems) {
        this.problems = problems;
    }

    /** Whether the class declares a server function, so that it belongs in the model. */
    static boolean declared(Class<?> c) {
        if (c.isAnnotationPresent(Client.class)) {
            return true;
        }
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Client.class)) {
                    return true;
                }
                if (m.isAnnotationPresent(io.mizan.Form.class)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The methods of a bean class that are functions, its superclasses' included, in a stable order. */
    List<Method> of(Class<?> beanClass) {
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
                boolean byClass = classLevel
                        && k == beanClass
                        && !m.isAnnotationPresent(io.mizan.Form.class) // a form handler is read as a form
                        && Modifier.isPublic(m.getModifiers())
                        && !Modifier.isStatic(m.getModifiers())
                        && role == null
                        && !isSetter(m);
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
        return n.length() > 3
                && n.startsWith("set")
                && Character.isUpperCase(n.charAt(3))
                && m.getParameterCount() == 1
                && m.getReturnType() == void.class;
    }
}
