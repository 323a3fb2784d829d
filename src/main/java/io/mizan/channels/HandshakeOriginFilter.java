package io.mizan.channels;

import io.mizan.json.StrictJson;
import io.mizan.messages.Messages;
import io.mizan.rpc.HttpExchange;
import io.mizan.rpc.Problem;
import io.mizan.security.OriginPolicy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Refuses a WebSocket handshake from a foreign origin with 403 before the upgrade (and one that names
 * its session in the URL with 400, as every Mizan endpoint does), by the same rule
 * as calls (the server's own origin from {@code mizan.public-origin}, trusted forwarded headers or
 * {@code Host}; or one of {@code mizan.allowed-origins}). Containers accept every origin by default,
 * and their own origin check sees the {@code Origin} value alone, not the headers the rule needs;
 * so this filter runs first on the socket's path and tells the endpoint's check it has decided.
 */
final class HandshakeOriginFilter extends HttpFilter {

    private static final ThreadLocal<Boolean> DECIDED = new ThreadLocal<>();

    private final OriginPolicy origins;

    HandshakeOriginFilter(OriginPolicy origins) {
        this.origins = origins;
    }

    /** Whether this filter has let the handshake on this thread through. */
    static boolean decided() {
        return Boolean.TRUE.equals(DECIDED.get());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String foreign = origins.refusal(name -> HttpExchange.header(request, name), request.getScheme());
        if (foreign != null) {
            Problem.send(request, response, Messages.foreignOrigin(StrictJson.shorten(foreign)));
            return;
        }
        if (request.isRequestedSessionIdFromURL()) { // Payara reads one whatever the tracking modes
            Problem.send(request, response, Messages.sessionIdInUrl());
            return;
        }
        DECIDED.set(Boolean.TRUE);
        try {
            chain.doFilter(request, response);
        } finally {
            DECIDED.remove();
        }
    }
}
