package io.mizan.telemetry;

/**
 * One call, context read or channel frame being observed: started by {@link Telemetry#start}, ended
 * once, on the same thread, with the status it answered.
 *
 * <pre>{@code
 * Observation seen = telemetry.start(Kind.CALL, name);
 * int status = 500;
 * try {
 *     ...
 *     status = response.getStatus();
 * } finally {
 *     seen.end(status);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface Observation {

    /** Observes nothing: what a name without telemetry, or telemetry that is off, gets. */
    Observation NONE = status -> {};

    /**
     * Ends it: the span gets the status (an error from 500 on) and ends, the metrics count it.
     *
     * @param status the HTTP status it answered, or for a channel frame the status of its error frame (200: none)
     */
    void end(int status);
}
