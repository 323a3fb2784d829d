package io.mizan.rpc;

import jakarta.ws.rs.core.HttpHeaders;

import java.util.List;
import java.util.Locale;

/**
 * Refuses calls from other sites: a browser sends {@code Origin} (and {@code Sec-Fetch-Site}) with
 * every cross-origin POST, so a call is let through only from the server's own origin or one listed
 * in {@code mizan.allowed-origins}. Requests without either header (curl, server code) pass.
 */
final class OriginPolicy {

    private final List<String> allowed;

    OriginPolicy(List<String> allowed) {
        this.allowed = allowed.stream().map(OriginPolicy::normalize).toList();
    }

    /** The foreign origin a request comes from and may not, or {@code null} when it may go ahead. */
    String refusal(HttpHeaders headers, String scheme) {
        String origin = headers.getHeaderString("Origin");
        if (origin != null) {
            String normalized = normalize(origin);
            if (normalized.equals(own(headers, scheme)) || isAllowed(normalized)) {
                return null;
            }
            return origin;
        }
        String site = headers.getHeaderString("Sec-Fetch-Site");
        if (site != null && site.trim().equalsIgnoreCase("cross-site")) {
            return "another site";
        }
        return null;
    }

    /** Whether a foreign origin is listed, so that it gets CORS headers. */
    boolean isAllowed(String origin) {
        return origin != null && allowed.contains(normalize(origin));
    }

    private static String own(HttpHeaders headers, String scheme) {
        String host = headers.getHeaderString("Host");
        return host == null ? "" : normalize(scheme + "://" + host);
    }

    private static String normalize(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        if (o.endsWith("/")) {
            o = o.substring(0, o.length() - 1);
        }
        if (o.startsWith("http://") && o.endsWith(":80")) {
            o = o.substring(0, o.length() - 3);
        } else if (o.startsWith("https://") && o.endsWith(":443")) {
            o = o.substring(0, o.length() - 4);
        }
        return o;
    }
}
