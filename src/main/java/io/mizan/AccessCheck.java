package io.mizan;

import java.security.Principal;

/**
 * A custom access rule, named by {@link Client#check()}. The implementation is a CDI bean, so it
 * may inject what it needs (a store, {@code jakarta.security.enterprise.SecurityContext}).
 * A refusal answers 403.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class BetaTesters implements AccessCheck {
 *     @Inject BetaList beta;
 *     public boolean permits(String function, Principal caller) {
 *         return caller != null && beta.contains(caller.getName());
 *     }
 * }
 * }</pre>
 */
public interface AccessCheck {

    /**
     * @param function the name of the function being called
     * @param caller the signed-in caller, or {@code null} when nobody is signed in
     * @return whether the call may go ahead
     */
    boolean permits(String function, Principal caller);
}
