package io.mizan.model;

import io.mizan.AccessCheck;

import java.util.Set;

/**
 * Who may call a function, resolved once from {@code @Client}, the Jakarta security annotations and
 * {@code mizan.auth.default}.
 *
 * @param kind the base rule
 * @param roles the roles of which the caller needs one, for {@link Kind#ROLES}
 * @param check a custom check run after the base rule passes, or {@code null}
 */
public record AccessRule(Kind kind, Set<String> roles, Class<? extends AccessCheck> check) {

    public AccessRule {
        roles = Set.copyOf(roles);
    }

    /** The base rules. */
    public enum Kind {
        PUBLIC,
        AUTHENTICATED,
        ROLES,
        DENY_ALL
    }

    public static AccessRule of(Kind kind) {
        return new AccessRule(kind, Set.of(), null);
    }

    /** A copy with this custom check. */
    public AccessRule withCheck(Class<? extends AccessCheck> check) {
        return new AccessRule(kind, roles, check);
    }
}
