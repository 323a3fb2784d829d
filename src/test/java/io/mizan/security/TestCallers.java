package io.mizan.security;

import java.security.Principal;
import java.util.List;

/** Callers for tests, as an entry point hands them to the invoker. */
public final class TestCallers {

    private TestCallers() {}

    /** A signed-in caller with these roles. */
    public static Caller user(String name, String... roles) {
        Principal principal = () -> name;
        List<String> held = List.of(roles);
        return new Caller() {
            @Override
            public Principal principal() {
                return principal;
            }

            @Override
            public boolean isInRole(String role) {
                return held.contains(role);
            }
        };
    }
}
