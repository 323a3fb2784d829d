package io.mizan.rpc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

/**
 * What one HTTP request to a Mizan endpoint brings besides its body.
 *
 * @param headers its headers
 * @param uri its address and query
 * @param request the servlet request, handed to functions that take one
 * @param response the servlet response, handed to functions that take one
 */
public record HttpExchange(
        HttpHeaders headers,
        UriInfo uri,
        HttpServletRequest request,
        jakarta.servlet.http.HttpServletResponse response) {

    /** A header's value, its values joined with {@code ,} when it is given more than once, or {@code null}. */
    public String header(String name) {
        if (request == null) {
            return headers.getHeaderString(name);
        }
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
        return request != null ? request.getScheme() : uri.getBaseUri().getScheme();
    }
}
