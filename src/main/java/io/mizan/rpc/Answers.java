package io.mizan.rpc;

import io.mizan.invoke.Failure;
import io.mizan.json.StrictJson;
import io.mizan.telemetry.Observation;
import jakarta.ws.rs.core.Response;

/**
 * How every endpoint turns its work into the answer: what the work builds, or the problem of what it
 * threw, with the CORS headers on both, and the status it came to handed to telemetry.
 */
final class Answers {

    private Answers() {}

    /** The work of an endpoint: the answer it builds, or an exception that {@link Failure#of} maps. */
    @FunctionalInterface
    interface Work {
        Response.ResponseBuilder answer() throws Exception;
    }

    /**
     * @param what what failed, for the log of an unexpected failure ({@code "the call of "}), before
     * @param name the name of what failed ({@code rename}, shortened), or {@code null}: put together only
     *     when something failed, not on every request
     * @param seen the observation of this request, ended with the status answered
     */
    static Response answer(Work work, String what, String name, Cors cors, HttpExchange exchange, Observation seen) {
        int status = 500;
        try {
            Response.ResponseBuilder answer;
            try {
                answer = work.answer();
            } catch (Throwable t) {
                answer = Problem.response(Failure.of(t, name == null ? what : what + StrictJson.shorten(name)));
            }
            Response response = cors.headers(answer, exchange).build();
            status = response.getStatus();
            return response;
        } finally {
            seen.end(status);
        }
    }
}
