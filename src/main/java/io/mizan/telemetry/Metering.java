package io.mizan.telemetry;

/**
 * The metrics {@code mizan.calls} and {@code mizan.call.duration}, through a metrics API the server
 * provides; its implementations alone name that API's classes.
 */
interface Metering {

    /** The instruments of one name of one kind. */
    Target target(Kind kind, String name);

    /** What the log says it is. */
    String describe();

    interface Target {
        /** Counts one call with its status and records how long it took. */
        void record(int status, long nanos);
    }
}
