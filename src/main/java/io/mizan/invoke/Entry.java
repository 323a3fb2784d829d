package io.mizan.invoke;

/** Where a call comes from, which decides whether a server-only function may run. */
public enum Entry {
    /** A browser or other client: HTTP, hydration, a WebSocket frame, a form. */
    CLIENT,
    /** The application's own code: a webhook handler, a scheduled job. */
    SERVER
}
