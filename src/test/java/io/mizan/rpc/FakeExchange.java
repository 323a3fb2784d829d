package io.mizan.rpc;

import jakarta.servlet.http.HttpServletRequest;

import java.lang.reflect.Proxy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An {@link HttpExchange} without a server: a servlet request of these headers (matched without regard
 * to case, as HTTP does) over https, and this query (sent form-encoded); no session named in its URL; no
 * response. Only the methods the endpoints use answer; any other throws.
 */
final class FakeExchange {

    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private boolean sessionIdInUrl;

    FakeExchange header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** As a request whose URL names its session ({@code ;jsessionid=}), which the container read. */
    FakeExchange sessionIdInUrl() {
        sessionIdInUrl = true;
        return this;
    }

    FakeExchange query(String name, String... values) {
        query.put(name, List.of(values));
        return this;
    }

    /** The query as a browser sends it: names and values form-encoded, joined by {@code &}. */
    private String queryString() {
        if (query.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        query.forEach((name, values) -> values.forEach(value -> out.append(out.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return out.toString();
    }

    HttpExchange build() {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getHeaders" -> java.util.Collections.enumeration(
                            headers.containsKey((String) args[0])
                                    ? List.of(headers.get((String) args[0]))
                                    : List.<String>of());
                    case "getScheme" -> "https";
                    case "getUserPrincipal", "getAuthType" -> null;
                    case "getLocale" -> java.util.Locale.getDefault();
                    case "getQueryString" -> queryString();
                    case "isRequestedSessionIdFromURL" -> sessionIdInUrl;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new HttpExchange(request, request, null);
    }
}
