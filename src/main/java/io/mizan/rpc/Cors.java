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
        Response.ResponseBuilder answer = Response.noContent().header("Allow", allow + ", OPTIONS");
        if (origins.isAllowed(exchange.header("Origin"))) {
            answer.header("Access-Control-Allow-Methods", allow)
                    .header("Access-Control-Allow-Headers", "Content-Type, If-None-Match")
                    .header("Access-Control-Max-Age", "600");
        }
        return headers(answer, exchange).build();
    }
}
