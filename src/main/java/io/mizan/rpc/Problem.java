package io.mizan.rpc;

import io.mizan.FieldError;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * The one writer of error answers: {@code application/problem+json} (RFC 9457) with {@code status},
 * {@code title} and {@code detail}, field {@code errors} for 422 and an {@code id} for 500. Never a
 * class name, a stack trace or a parser message.
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"),
            Map.entry(409, "Conflict"), Map.entry(410, "Gone"), Map.entry(412, "Precondition Failed"),
            Map.entry(413, "Content Too Large"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(422, "Unprocessable Content"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"),
            Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"));

    private Problem() {
    }

    /** The standard title of a status. */
    public static String title(int status) {
        return TITLES.getOrDefault(status, status >= 500 ? "Server Error" : "Client Error");
    }

    /** The JSON text of a problem. */
    public static String json(int status, String detail, List<FieldError> errors, String id) {
        JsonObjectBuilder body = StrictJson.PROVIDER.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title(status))
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
        return response(status, detail, List.of(), null);
    }

    /** A problem answer with field errors or an error id. */
    public static Response.ResponseBuilder response(int status, String detail, List<FieldError> errors, String id) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .header("Cache-Control", "no-store")
                .entity(json(status, detail, errors, id));
    }
}
