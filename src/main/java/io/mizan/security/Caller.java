package io.mizan.security;

import java.security.Principal;

/**
 * Who is calling: the identity the container established for a request, a WebSocket handshake or
 * server code. Every entry point builds one and hands it to the invoker, so that access rules,
 * injected {@code Principal}s and {@code SecurityContext}s all see the same caller.
 */
public interface Caller {

    /** Nobody is signed in. */
    Caller ANONYMOUS = new Caller() {
        @Override
        public Principal principal() {
            return null;
        }

        @Override
        public boolean isInRole(String role) {
            return false;
        }
    };

    /** The signed-in caller, or {@code null} when nobody is signed in. */
    Principal principal();

    /** Whether the caller has this container role. */
    boolean isInRole(String role);
}
