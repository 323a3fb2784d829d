package io.mizan;

/** What kind of read a {@link Client} function is. */
public enum Scope {
    /** An ordinary function: a call, often a mutation. */
    NONE,
    /**
     * A context without parameters, shared by the whole page: fetched once, embedded in the HTML
     * at load and refreshed when a mutation affects it. Generates {@code useCurrentUser()}.
     */
    GLOBAL,
    /**
     * A context with scalar parameters, fetched per set of values. Generates
     * {@code <GreetProvider name=...>} and {@code useGreet()}.
     */
    LOCAL
}
