package io.mizan.invoke;

import io.mizan.model.FunctionModel;
import io.mizan.security.Caller;

/**
 * What the invoker tells the {@code @Client} interceptor about the call it is making on this thread:
 * who the caller is (so that functions the method calls in-process are checked against the same
 * caller) and which function it has already authorized (so that its access rule runs once).
 */
public final class CurrentCall {

    private static final ThreadLocal<CurrentCall> CURRENT = new ThreadLocal<>();

    private final Caller caller;
    private final CurrentCall outer;
    private FunctionModel authorized;

    private CurrentCall(Caller caller, FunctionModel authorized, CurrentCall outer) {
        this.caller = caller;
        this.authorized = authorized;
        this.outer = outer;
    }

    /** Marks the start of an authorized call on this thread; close the returned scope when it ends. */
    static Scope enter(Caller caller, FunctionModel authorized) {
        CurrentCall call = new CurrentCall(caller, authorized, CURRENT.get());
        CURRENT.set(call);
        // the outer call back, null at the end: the thread keeps its entry for the next call (a removed
        // one is made anew, with a weak reference for the GC to process), and null holds nothing
        return () -> CURRENT.set(call.outer);
    }

    /** Ends a call's scope. */
    @FunctionalInterface
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** The caller of the call running on this thread, or {@code null} outside any invoker call. */
    public static Caller caller() {
        CurrentCall call = CURRENT.get();
        return call == null ? null : call.caller;
    }

    /**
     * Whether the invoker already authorized this function for the call now entering it; true once,
     * so that a nested call of the same function is checked again.
     */
    public static boolean takeAuthorization(FunctionModel function) {
        CurrentCall call = CURRENT.get();
        if (call != null && call.authorized == function) {
            call.authorized = null;
            return true;
        }
        return false;
    }
}
