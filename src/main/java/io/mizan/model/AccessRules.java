package io.mizan.model;

import io.mizan.AccessCheck;
import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.messages.Messages;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides who may call a function, first match wins: the method's own {@code @RolesAllowed},
 * {@code @PermitAll} or {@code @DenyAll}; the method's {@code @Client} when it sets {@code auth} or
 * {@code roles}; the class's Jakarta annotation; the class's {@code @Client} when it sets
 * {@code auth} or {@code roles}; {@code mizan.auth.default}. {@code auth} and {@code roles} are
 * read together, as one rule: a method that sets either replaces the class's rule whole, so
 * {@code @Client(auth = Auth.AUTHENTICATED)} on a method of a {@code @Client(roles = "staff")}
 * class lets any signed-in caller in, as {@code @PermitAll} on a method of a
 * {@code @RolesAllowed} class lets everyone in. The custom {@code check} is merged on its own
 * (see {@link MergedSettings#merge}) and asked after this rule passes.
 *
 * <pre>{@code
 * AccessRules rules = new AccessRules(Auth.PUBLIC, problems);
 * rules.checkClass(Orders.class);                     // @PermitAll with @DenyAll is a problem
 * rules.of(where, Orders.class, cancel, settings);    // ROLES [staff], with the merged check
 * }</pre>
 */
final class AccessRules {

    private final Auth defaultAuth;
    private final List<String> problems;

    /**
     * @param defaultAuth what {@link Auth#DEFAULT} means: {@link Auth#PUBLIC} or {@link Auth#AUTHENTICATED}
     * @param problems where contradictions are reported
     */
    AccessRules(Auth defaultAuth, List<String> problems) {
        this.defaultAuth = defaultAuth;
        this.problems = problems;
    }

    /** Reports the contradictions of a class's own access annotations, once for the class. */
    void checkClass(Class<?> beanClass) {
        checkElement(beanClass.getName(), beanClass.getAnnotation(Client.class), beanClass);
    }

    /** Reports the contradictions of a method's own access annotations. */
    void checkMethod(String where, Method method) {
        checkElement(where, method.getAnnotation(Client.class), method);
    }

    private void checkElement(String where, Client client, AnnotatedElement element) {
        if (client != null && client.auth() == Auth.PUBLIC && client.roles().length > 0) {
            problems.add(Messages.publicWithRoles(where));
        }
        List<String> jakarta = jakartaAnnotations(element);
        if (jakarta.size() > 1) {
            problems.add(Messages.conflictingSecurityAnnotations(where, jakarta));
        }
    }

    /** Reports the contradictions of a form handler's own access annotations. */
    void checkForm(String where, io.mizan.Form form, Method method) {
        if (form.auth() == Auth.PUBLIC && form.roles().length > 0) {
            problems.add(Messages.publicWithRoles(where));
        }
        List<String> jakarta = jakartaAnnotations(method);
        if (jakarta.size() > 1) {
            problems.add(Messages.conflictingSecurityAnnotations(where, jakarta));
        }
    }

    /** The rule of a function, with its merged {@code check}. */
    AccessRule of(String where, Class<?> beanClass, Method method, MergedSettings settings) {
        Client onMethod = method.getAnnotation(Client.class);
        return of(where, beanClass, method, onMethod == null ? null : clientRule(onMethod), settings);
    }

    /** The rule of a form handler: its {@code @Form}'s {@code auth} and {@code roles} stand where a method's {@code @Client}'s would. */
    AccessRule ofForm(String where, Class<?> beanClass, Method method, io.mizan.Form form, MergedSettings settings) {
        return of(where, beanClass, method, rule(form.roles(), form.auth()), settings);
    }

    private AccessRule of(
            String where, Class<?> beanClass, Method method, AccessRule onMethodRule, MergedSettings settings) {
        Client onClass = beanClass.getAnnotation(Client.class);
        AccessRule rule = jakartaRule(method);
        if (rule == null) {
            rule = onMethodRule;
        }
        if (rule == null) {
            rule = jakartaRule(beanClass);
        }
        if (rule == null && onClass != null) {
            rule = clientRule(onClass);
        }
        if (rule == null) {
            rule = AccessRule.of(
                    defaultAuth == Auth.AUTHENTICATED ? AccessRule.Kind.AUTHENTICATED : AccessRule.Kind.PUBLIC);
        }
        Class<? extends AccessCheck> check = settings.check();
        if (check != null && (check.isInterface() || Modifier.isAbstract(check.getModifiers()))) {
            problems.add(Messages.checkNotConcrete(where, check.getName()));
        }
        return rule.withCheck(check);
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
            return roles.value().length == 0
                    ? AccessRule.of(AccessRule.Kind.DENY_ALL)
                    : new AccessRule(AccessRule.Kind.ROLES, Set.of(roles.value()), null);
        }
        return null;
    }

    private static AccessRule clientRule(Client client) {
        return rule(client.roles(), client.auth());
    }

    private static AccessRule rule(String[] roles, Auth auth) {
        if (roles.length > 0) {
            return new AccessRule(AccessRule.Kind.ROLES, Set.of(roles), null);
        }
        return switch (auth) {
            case PUBLIC -> AccessRule.of(AccessRule.Kind.PUBLIC);
            case AUTHENTICATED -> AccessRule.of(AccessRule.Kind.AUTHENTICATED);
            case DEFAULT -> null;
        };
    }
}
