package io.mizan.telemetry;

/** Spans, through a tracing API the server provides; its implementations alone name that API's classes. */
interface Tracing {

    /** What a span needs to know of one name of one kind, worked out once. */
    Target target(Kind kind, String name);

    /** What the log says it is. */
    String describe();

    interface Target {
        /**
         * Starts a span, current until the observation ends.
         *
         * @param metrics where the observation's duration and status go too, or {@code null}
         */
        Observation start(Metering.Target metrics);
    }
}
