package io.mizan.rpc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An {@link HttpExchange} without a server: a servlet request of these headers (matched without regard
 * to case, as HTTP does) over https, and this query; no response. Only the methods the
 * endpoints use answer; any other throws.
 */
final class FakeExchange {

    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, List<String>> query = new LinkedHashMap<>();

    FakeExchange header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    FakeExchange query(String name, String... values) {
        query.put(name, List.of(values));
        return this;
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
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(
                UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getBaseUri":
                            return URI.create("https://shop.example/api/");
                        case "getQueryParameters":
                            MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
                            query.forEach((k, v) -> map.put(k, new java.util.ArrayList<>(v)));
                            return map;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
        return new HttpExchange(uri, request, null);
    }
}
