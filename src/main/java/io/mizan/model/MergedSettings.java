package io.mizan.model;

import io.mizan.AccessCheck;
import io.mizan.Client;
import io.mizan.Scope;

import java.util.List;

/**
 * A function's settings once its method's {@code @Client} and its class's are merged.
 *
 * <pre>{@code
 * MergedSettings s = MergedSettings.merge(Users.class.getAnnotation(Client.class), rename.getAnnotation(Client.class));
 * s.affects();   // the method's affects, else the class's
 * }</pre>
 *
 * @param name the function's name; empty for the method's name
 * @param context whether it is a context
 * @param check the custom access check, or {@code null}
 * @param affects the contexts it changes
 * @param serverOnly whether only server code may call it
 */
record MergedSettings(
        String name, Scope context, Class<? extends AccessCheck> check, List<String> affects, boolean serverOnly) {

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
     *     (one rule, read together; with the Jakarta annotations as written on {@link AccessRules})</td></tr>
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
    static MergedSettings merge(Client onClass, Client onMethod) {
        Client m = onMethod;
        Client c = onClass;
        String name = m != null ? m.name() : "";
        Scope context = m != null && m.context() != Scope.NONE ? m.context() : c != null ? c.context() : Scope.NONE;
        Class<? extends AccessCheck> check = m != null && m.check() != AccessCheck.class
                ? m.check()
                : c != null && c.check() != AccessCheck.class ? c.check() : null;
        String[] affects = m != null && m.affects().length > 0 ? m.affects() : c != null ? c.affects() : new String[0];
        boolean serverOnly = (m != null && m.serverOnly()) || (c != null && c.serverOnly());
        return new MergedSettings(name, context, check, List.of(affects), serverOnly);
    }

    /**
     * A form handler's settings: its {@code @Form}'s {@code check} and {@code affects}, else its class's
     * {@code @Client}'s, by the same rule. A form is never a context nor server-only.
     */
    static MergedSettings forForm(Client onClass, io.mizan.Form form, String name) {
        Client c = onClass;
        Class<? extends AccessCheck> check = form.check() != AccessCheck.class
                ? form.check()
                : c != null && c.check() != AccessCheck.class ? c.check() : null;
        String[] affects = form.affects().length > 0 ? form.affects() : c != null ? c.affects() : new String[0];
        return new MergedSettings(name, Scope.NONE, check, List.of(affects), false);
    }
}
