package io.mizan.rpc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.UriInfo;

/**
 * What one HTTP request to a Mizan endpoint brings besides its body.
 *
 * @param uri its address and query (JAX-RS decodes the query as resources see it)
 * @param request the servlet request: its headers and scheme, and handed to functions that take one
 * @param response the servlet response, handed to functions that take one
 */
public record HttpExchange(UriInfo uri, HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {

    /** A header's value, its values joined with {@code ,} when it is given more than once, or {@code null}. */
    public String header(String name) {
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

    /** The scheme the request reached this server with. */
    public String scheme() {
        return request.getScheme();
    }
}
