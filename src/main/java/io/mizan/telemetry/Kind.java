package io.mizan.telemetry;

/**
 * What ran, by entry point: it names the span ({@code mizan call rename}) and gives the {@code entry}
 * attribute of spans and metrics ({@code call}).
 */
public enum Kind {
    /** {@code POST <base>/call/{name}}: a function, or a form's {@code schema}, {@code validate} or {@code submit}. */
    CALL("call", "mizan call ", "", false),
    /** {@code GET <base>/ctx/{name}}: a context read. */
    CONTEXT("ctx", "mizan ctx ", "", false),
    /** A global context read for hydration ({@code GET <base>/hydrate}, or a page the filter serves). */
    HYDRATE("hydrate", "mizan hydrate ", "", false),
    /** A channel's join frame: its {@code authorize} and {@code group}. */
    JOIN("join", "mizan channel ", " join", true),
    /** A channel's send frame: its {@code receive}. */
    RECEIVE("receive", "mizan channel ", " receive", true);

    private final String entry;
    private final String prefix;
    private final String suffix;
    private final boolean incoming;

    Kind(String entry, String prefix, String suffix, boolean incoming) {
        this.entry = entry;
        this.prefix = prefix;
        this.suffix = suffix;
        this.incoming = incoming;
    }

    /** The value of the {@code entry} attribute: {@code call}, {@code ctx}, {@code hydrate}, {@code join}, {@code receive}. */
    public String entry() {
        return entry;
    }

    /** The span's name for this function or channel: {@code mizan call rename}, {@code mizan channel chat receive}. */
    public String spanName(String name) {
        return prefix + name + suffix;
    }

    /**
     * Whether no HTTP request's span surrounds it (a WebSocket frame): its span is then the server's
     * side of the exchange ({@code SERVER}), not an inner step ({@code INTERNAL}).
     */
    public boolean incoming() {
        return incoming;
    }
}
