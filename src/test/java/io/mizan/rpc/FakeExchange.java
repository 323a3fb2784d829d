package io.mizan.rpc;

import io.mizan.inprocess.FakeHttp;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An {@link HttpExchange} without a server: a {@link FakeHttp} request of these headers (matched
 * without regard to case, as HTTP does) over https, in the default locale, of nobody, and this query
 * (sent form-encoded); no session named in its URL unless told so; no response. Only the methods the
 * endpoints use answer; any other throws.
 */
final class FakeExchange {

    private final FakeHttp.Request request =
            new FakeHttp.Request().scheme("https").locale(Locale.getDefault());
    private final Map<String, List<String>> query = new LinkedHashMap<>();

    FakeExchange header(String name, String value) {
        request.header(name, value);
        return this;
    }

    /** As a request whose URL names its session ({@code ;jsessionid=}), which the container read. */
    FakeExchange sessionIdInUrl() {
        request.sessionInUrl();
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
        HttpServletRequest built = request.query(queryString()).build();
        return new HttpExchange(built, built, null);
    }
}
