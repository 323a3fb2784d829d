package io.mizan.rpc;

import io.mizan.json.StrictJson;
import io.mizan.messages.Messages;
import io.mizan.security.OriginPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.List;
import java.util.Map;

/**
 * What one HTTP request to a Mizan endpoint brings besides its body.
 *
 * @param request the servlet request, read by the endpoints: its headers, query, scheme and user
 * @param forFunctions the request handed to functions that take one: the one JAX-RS sees, with whatever
 *     the application's filters wrapped around it (resolved by JAX-RS only when a function uses it)
 * @param response the servlet response, handed to functions that take one
 */
public record HttpExchange(HttpServletRequest request, HttpServletRequest forFunctions, HttpServletResponse response) {

    /** A header's value, its values joined with {@code ,} when it is given more than once, or {@code null}. */
    public String header(String name) {
        return header(request, name);
    }

    /**
     * A header of this request, its values joined with {@code ,} when it is given more than once (two
     * {@code Origin}s are then no origin anyone allows), or {@code null}.
     */
    public static String header(HttpServletRequest request, String name) {
        // read from the servlet request as parsed: JAX-RS builds a header's text anew on every read
        java.util.Enumeration<String> values = request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        String first = values.nextElement();
        if (!values.hasMoreElements()) {
            return first;
        }
        StringBuilder all = new StringBuilder(first);
        while (values.hasMoreElements()) {
            all.append(',').append(values.nextElement());
        }
        return all.toString();
    }

    /** The query's parameters, decoded as JAX-RS decodes them ({@link QueryString}). */
    public Map<String, List<String>> query() {
        return QueryString.parse(request.getQueryString());
    }

    /**
     * Refuses a request from an origin that is neither the server's own nor allowed (403): a call, a batch, a
     * context read or the hydration, which all run functions with the caller's session.
     */
    public void refuseForeignOrigin(OriginPolicy origins) {
        String foreign = origins.refusal(this::header, scheme());
        if (foreign != null) {
            throw Messages.foreignOrigin(StrictJson.shorten(foreign));
        }
    }

    /** The scheme the request reached this server with. */
    public String scheme() {
        return request.getScheme();
    }
}
