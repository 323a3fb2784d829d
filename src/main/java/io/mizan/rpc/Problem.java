package io.mizan.rpc;

import io.mizan.MizanException;
import io.mizan.invoke.Failure;
import io.mizan.invoke.StatusTitles;
import io.mizan.json.StrictJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import java.io.IOException;

/**
 * The one writer of error answers: {@code application/problem+json} (RFC 9457) with {@code status},
 * {@code title} and {@code detail}, then the extension members: {@code code} when the problem has one
 * ({@code MIZAN-100}, or the application's own), field {@code errors} for 422 and an {@code id} for
 * 500. Never a class name, a stack trace or a parser message. The status carries the title as its reason
 * phrase, which a container may write on the status line; Payara does not (Servlet 6 has no method for it, so its
 * Grizzly writes {@code 422 CUSTOM}), and clients ignore it.
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {}

    /**
     * The JSON text of a problem:
     * {@code {"type":"about:blank","title":"Not Found","status":404,"detail":"...","code":"MIZAN-100"}}.
     */
    public static String json(Failure failure) {
        return failure.addTo(StrictJson.PROVIDER.createObjectBuilder().add("type", "about:blank"))
                .build()
                .toString();
    }

    /** The answer to a refusal, such as one of {@code io.mizan.messages.Messages}. */
    public static Response.ResponseBuilder response(MizanException refusal) {
        return response(Failure.of(refusal));
    }

    /** The answer to a failed call. */
    public static Response.ResponseBuilder response(Failure failure) {
        Response.ResponseBuilder answer = Response.status(status(failure.status()))
                .type(MEDIA_TYPE)
                .header("Cache-Control", "no-store")
                .entity(Envelope.bytes(json(failure)));
        if (failure.retryAfterSeconds() > 0) {
            answer.header("Retry-After", failure.retryAfterSeconds());
        }
        // the rest of an oversize body is not read: the connection cannot carry another request
        return failure.status() == 413 ? answer.header("Connection", "close") : answer;
    }

    /**
     * Writes the answer to a refusal on a servlet response, for a filter that answers before JAX-RS does;
     * the body is left out for {@code HEAD}, its length kept.
     */
    public static void send(HttpServletRequest request, HttpServletResponse response, MizanException refusal)
            throws IOException {
        byte[] body = Envelope.bytes(json(Failure.of(refusal)));
        response.setStatus(refusal.status());
        response.setContentType(MEDIA_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    private static Response.StatusType status(int code) {
        String reason = StatusTitles.of(code);
        return new Response.StatusType() {
            @Override
            public int getStatusCode() {
                return code;
            }

            @Override
            public Response.Status.Family getFamily() {
                return Response.Status.Family.familyOf(code);
            }

            @Override
            public String getReasonPhrase() {
                return reason;
            }
        };
    }
}
