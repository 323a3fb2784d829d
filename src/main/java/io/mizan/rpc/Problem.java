package io.mizan.rpc;

import io.mizan.FieldError;
import io.mizan.invoke.Failure;
import io.mizan.invoke.StatusTitles;
import io.mizan.json.StrictJson;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The one writer of error answers: {@code application/problem+json} (RFC 9457) with {@code status},
 * {@code title} and {@code detail}, field {@code errors} for 422 and an {@code id} for 500. Never a
 * class name, a stack trace or a parser message. The status line carries the same reason phrase as
 * the title (JAX-RS alone would say {@code 422 CUSTOM}).
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    /** The JSON text of a problem. */
    public static String json(int status, String detail, List<FieldError> errors, String id) {
        JsonObjectBuilder body = StrictJson.PROVIDER.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", StatusTitles.of(status))
                .add("status", status)
                .add("detail", detail);
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = StrictJson.PROVIDER.createArrayBuilder();
            for (FieldError e : errors) {
                list.add(StrictJson.PROVIDER.createObjectBuilder().add("path", e.path()).add("message", e.message()));
            }
            body.add("errors", list);
        }
        if (id != null) {
            body.add("id", id);
        }
        return body.build().toString();
    }

    /** A problem answer. */
    public static Response.ResponseBuilder response(int status, String detail) {
        return response(new Failure(status, detail, List.of(), null));
    }

    /** The answer to a failed call. */
    public static Response.ResponseBuilder response(Failure failure) {
        Response.ResponseBuilder answer = Response.status(status(failure.status()))
                .type(MEDIA_TYPE)
                .header("Cache-Control", "no-store")
                .entity(json(failure.status(), failure.detail(), failure.errors(), failure.id()));
        // the rest of an oversize body is not read: the connection cannot carry another request
        return failure.status() == 413 ? answer.header("Connection", "close") : answer;
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
