package io.mizan.security;

import java.util.Set;

/**
 * Every role the application names ({@code @DeclareRoles}, {@code @RolesAllowed}, {@code @Client(roles)}):
 * the roles a WebSocket's handshake asks about, since nobody can be asked later.
 *
 * @param names the role names
 */
public record KnownRoles(Set<String> names) {
    public KnownRoles {
        names = Set.copyOf(names);
    }
}
