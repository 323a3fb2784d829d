package io.mizan.codegen;

import io.mizan.Scope;
import io.mizan.model.ChannelModel;
import io.mizan.model.FormModel;
import io.mizan.model.FunctionModel;
import io.mizan.schema.ClientApi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The words of the generated doc comments: the first sentence of the Java Javadoc where there is
 * one, and what a mutation refreshes or what refreshes a context.
 *
 * <pre>{@code
 * summary(updateName)      // Optional[Changes a user's display name.]
 * refreshes(updateName)    // " Refreshes: currentUser."
 * refreshedBy(currentUser) // " Refreshed by: setRole, signup, updateName."
 * }</pre>
 */
final class DocComments {

    private final Javadoc javadoc;
    private final ClientApi api;

    DocComments(Javadoc javadoc, ClientApi api) {
        this.javadoc = javadoc;
        this.api = api;
    }

    /** The first sentence of a class's Javadoc. */
    Optional<String> summary(Class<?> type) {
        return javadoc.of(type);
    }

    /** The first sentence of the method's Javadoc, ending in a full stop. */
    Optional<String> summary(FunctionModel f) {
        return javadoc.of(f.method().getDeclaringClass(), f.method().getName()).map(DocComments::sentence);
    }

    /** The first sentence of the channel handler class's Javadoc, ending in a full stop. */
    Optional<String> summary(ChannelModel c) {
        return javadoc.of(c.handlerClass()).map(DocComments::sentence);
    }

    private static String sentence(String s) {
        return s.endsWith(".") || s.endsWith("!") || s.endsWith("?") ? s : s + ".";
    }

    /** {@code "global"} or {@code "local"}, for a context. */
    static String scopeWord(FunctionModel context) {
        return context.scope() == Scope.GLOBAL ? "global" : "local";
    }

    /** {@code " Refreshes: currentUser, userProfile (same userId)."}, or empty. */
    static String refreshes(FunctionModel f) {
        if (f.affects().isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String context : f.affects()) {
            List<String> by = f.scopedBy().getOrDefault(context, List.of());
            parts.add(by.isEmpty() ? context : context + " (same " + String.join(", ", by) + ")");
        }
        return " Refreshes: " + String.join(", ", parts) + ".";
    }

    /** {@code " Refreshed by: signup, updateName, contact.submit."}, or empty: functions, then form submits. */
    String refreshedBy(FunctionModel context) {
        List<String> by = new ArrayList<>();
        api.functions().stream()
                .filter(f -> f.affects().contains(context.name()))
                .map(FunctionModel::name)
                .forEach(by::add);
        api.forms().stream()
                .map(FormModel::submit)
                .filter(f -> f.affects().contains(context.name()))
                .map(FunctionModel::name)
                .forEach(by::add);
        return by.isEmpty() ? "" : " Refreshed by: " + String.join(", ", by) + ".";
    }
}
