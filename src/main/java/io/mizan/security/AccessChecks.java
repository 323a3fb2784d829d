package io.mizan.security;

import io.mizan.AccessCheck;

import java.security.Principal;

/** Asks the application's {@link AccessCheck} beans; implemented where the beans are known. */
public interface AccessChecks {

    /** What the check of this class answers for this function and caller. */
    boolean permits(Class<? extends AccessCheck> check, String function, Principal caller);
}
