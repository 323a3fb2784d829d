package io.mizan.rpc;

import io.mizan.invalidation.InvalidationKeys;
import io.mizan.security.OriginPolicy;
import jakarta.ws.rs.core.Response;

/**
 * CORS for the origins in {@code mizan.allowed-origins}: their calls carry credentials and may read
 * the invalidation header and the ETag. Other origins get no CORS headers (and their calls are
 * refused by the {@link OriginPolicy} before they run).
 */
final class Cors {

    private final OriginPolicy origins;

    Cors(OriginPolicy origins) {
        this.origins = origins;
    }

    /** Adds the CORS headers an allowed origin needs to read the answer. */
    Response.ResponseBuilder headers(Response.ResponseBuilder answer, HttpExchange exchange) {
        String origin = exchange.header("Origin");
        if (origins.isAllowed(origin)) {
            answer.header("Access-Control-Allow-Origin", origin)
                    .header("Access-Control-Allow-Credentials", "true")
                    .header("Access-Control-Expose-Headers", InvalidationKeys.HEADER + ", ETag")
                    .header("Vary", "Origin");
        }
        return answer;
    }

    /** A preflight ({@code OPTIONS}) of an endpoint that takes {@code allow}. */
    Response preflight(String allow, HttpExchange exchange) {
        Response.ResponseBuilder answer = Response.noContent().header("Allow", MizanResource.allow(allow));
        if (origins.isAllowed(exchange.header("Origin"))) {
            answer.header("Access-Control-Allow-Methods", allow)
                    .header(
                            "Access-Control-Allow-Headers",
                            allowedHeaders(exchange.header("Access-Control-Request-Headers")))
                    .header("Access-Control-Max-Age", "600")
                    .header("Vary", "Access-Control-Request-Headers");
        }
        return headers(answer, exchange).build();
    }

    /** The headers a call needs, and at most {@value #MAX_REQUESTED} more a listed origin's page asks for. */
    static final int MAX_REQUESTED = 20;

    private static final java.util.regex.Pattern TOKEN =
            java.util.regex.Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");

    /**
     * {@code Content-Type} and {@code If-None-Match}, which calls and context reads use, and the headers the
     * preflight asks for (an application's own, such as a CSRF token): the origin is one the
     * application listed, so its page may send what it needs. Anything that is not a header name is left out.
     */
    static String allowedHeaders(String requested) {
        java.util.LinkedHashSet<String> names =
                new java.util.LinkedHashSet<>(java.util.List.of("Content-Type", "If-None-Match"));
        if (requested != null) {
            int added = 0;
            for (String name : requested.split(",")) {
                String trimmed = name.trim();
                if (added < MAX_REQUESTED
                        && TOKEN.matcher(trimmed).matches()
                        && names.stream().noneMatch(n -> n.equalsIgnoreCase(trimmed))) {
                    names.add(trimmed);
                    added++;
                }
            }
        }
        return String.join(", ", names);
    }
}
