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

    /** A header's value, or {@code null}. */
    public String header(String name) {
        return headers.getHeaderString(name);
    }

    /** The scheme the request reached this server with. */
    public String scheme() {
        return uri.getBaseUri().getScheme();
    }
}
