package io.mizan.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which origin is the server's own, directly and behind a proxy, and which calls are refused. */
class OriginPolicyTest {

    /** Headers written {@code Name=value|Name=value}. */
    static Map<String, String> headers(String spec) {
        Map<String, String> h = new HashMap<>();
        if (spec != null) {
            for (String pair : spec.split("\\|")) {
                String[] kv = pair.split("=", 2);
                h.put(kv[0], kv[1]);
            }
        }
        return h;
    }

    @ParameterizedTest(name = "{0}, public={1}, trusted={2}: {3}")
    @CsvSource(
            delimiter = '#',
            nullValues = "-",
            value = {
                // no browser headers: server code, curl
                "Host=app.example# -# false# ok",
                "Origin=http://app.example|Host=app.example# -# false# ok",
                "Origin=http://APP.example:80/|Host=app.example# -# false# ok",
                "Origin=https://app.example|Host=app.example# -# false# refused",
                "Origin=https://evil.example|Host=app.example# -# false# refused",
                "Origin=https://allowed.example|Host=app.example# -# false# ok",
                "Sec-Fetch-Site=cross-site|Host=app.example# -# false# refused",
                "Sec-Fetch-Site=same-origin|Host=app.example# -# false# ok",
                // a TLS-terminating proxy that rewrites Host
                "Origin=https://shop.example|Host=10.0.0.5:8080# https://shop.example# false# ok",
                "Origin=https://shop.example:443|Host=10.0.0.5:8080# https://SHOP.example/# false# ok",
                "Origin=https://evil.example|Host=10.0.0.5:8080# https://shop.example# false# refused",
                // forwarded headers count only when trusted
                "Origin=https://shop.example|Host=10.0.0.5:8080|X-Forwarded-Proto=https|X-Forwarded-Host=shop.example# -# false# refused",
                "Origin=https://shop.example|Host=10.0.0.5:8080|X-Forwarded-Proto=https|X-Forwarded-Host=shop.example# -# true# ok",
                "Origin=https://shop.example|Host=10.0.0.5:8080|X-Forwarded-Proto=https, http|X-Forwarded-Host=shop.example, inner# -# true# ok",
                "Origin=https://shop.example|Host=10.0.0.5:8080|Forwarded=for=1.2.3.4;proto=https;host=\"shop.example\", for=5.6.7.8# -# true# ok",
                "Origin=https://evil.example|Host=10.0.0.5:8080|Forwarded=proto=https;host=shop.example# -# true# refused",
                "Origin=http://10.0.0.5:8080|Host=10.0.0.5:8080|X-Forwarded-Host=shop.example# -# true# refused"
            })
    void decidesWhoIsForeign(String spec, String publicOrigin, boolean trusted, String expected) {
        OriginPolicy policy = new OriginPolicy(List.of("https://allowed.example"), publicOrigin, trusted);
        Map<String, String> h = headers(spec);
        assertEquals(expected, policy.refusal(h::get, "http") == null ? "ok" : "refused");
    }
}
