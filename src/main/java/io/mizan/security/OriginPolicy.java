package io.mizan.security;

import io.mizan.config.MizanSettings;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Refuses calls from other sites: a browser sends {@code Origin} (and {@code Sec-Fetch-Site}) with
 * every cross-origin request, so a call is let through only from the server's own origin or one
 * listed in {@code mizan.allowed-origins}. Requests without either header (curl, server code) pass.
 *
 * <p>The server's own origin is, in order: {@code mizan.public-origin} when set (the address browsers
 * use in front of a proxy); the {@code Forwarded} or {@code X-Forwarded-Proto}/{@code -Host} headers
 * when {@code mizan.trust-forwarded-headers=true} (only behind a proxy that sets them, since anyone
 * else can send them too); else the request's scheme and {@code Host}. It reads headers through a
 * function, so HTTP calls and WebSocket handshakes share it.
 */
public final class OriginPolicy {

    private final List<String> allowed;
    private final String publicOrigin;
    private final boolean trustForwarded;

    public OriginPolicy(MizanSettings settings) {
        this(settings.allowedOrigins(), settings.publicOrigin().orElse(null), settings.trustForwardedHeaders());
    }

    public OriginPolicy(List<String> allowed, String publicOrigin, boolean trustForwarded) {
        this.allowed = allowed.stream().map(OriginPolicy::normalize).toList();
        this.publicOrigin = publicOrigin == null ? null : normalize(publicOrigin);
        this.trustForwarded = trustForwarded;
    }

    /**
     * The foreign origin a request comes from and may not, or {@code null} when it may go ahead.
     *
     * @param headers a request's headers by name
     * @param scheme the scheme the request reached this server with
     */
    public String refusal(UnaryOperator<String> headers, String scheme) {
        String origin = headers.apply("Origin");
        if (origin != null) {
            String normalized = normalize(origin);
            if (normalized.equals(own(headers, scheme)) || isAllowed(normalized)) {
                return null;
            }
            return origin;
        }
        String site = headers.apply("Sec-Fetch-Site");
        if (site != null && site.trim().equalsIgnoreCase("cross-site")) {
            return "another site";
        }
        return null;
    }

    /** Whether a foreign origin is listed, so that it gets CORS headers. */
    public boolean isAllowed(String origin) {
        return origin != null && allowed.contains(normalize(origin));
    }

    /** The origin browsers reach this server at, as the request shows it. */
    String own(UnaryOperator<String> headers, String scheme) {
        if (publicOrigin != null) {
            return publicOrigin;
        }
        String proto = scheme;
        String host = headers.apply("Host");
        if (trustForwarded) {
            String forwarded = headers.apply("Forwarded");
            if (forwarded != null) {
                String first = forwarded.split(",", 2)[0];
                for (String pair : first.split(";")) {
                    String[] kv = pair.trim().split("=", 2);
                    if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("proto")) {
                        proto = unquote(kv[1]);
                    } else if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("host")) {
                        host = unquote(kv[1]);
                    }
                }
            } else {
                String xProto = first(headers.apply("X-Forwarded-Proto"));
                String xHost = first(headers.apply("X-Forwarded-Host"));
                proto = xProto != null ? xProto : proto;
                host = xHost != null ? xHost : host;
            }
        }
        return host == null ? "" : normalize(proto + "://" + host);
    }

    private static String first(String list) {
        if (list == null) {
            return null;
        }
        String v = list.split(",", 2)[0].trim();
        return v.isEmpty() ? null : v;
    }

    private static String unquote(String value) {
        String v = value.trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    static String normalize(String origin) {
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
