package io.mizan.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.security.OriginPolicy;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * CORS headers go to the listed origins only: they may send credentials and read the invalidation
 * header and the ETag; a preflight names the methods and headers only to them.
 */
class CorsTest {

    final Cors cors = new Cors(new OriginPolicy(List.of("https://app.example"), null, false));

    @Test
    void aListedOriginMayReadTheAnswerWithCredentials() {
        Response answer = cors.headers(
                        Response.ok(),
                        new FakeExchange()
                                .header("Origin", "https://app.example")
                                .build())
                .build();
        assertEquals("https://app.example", answer.getHeaderString("Access-Control-Allow-Origin"));
        assertEquals("true", answer.getHeaderString("Access-Control-Allow-Credentials"));
        assertEquals("X-Mizan-Invalidate, ETag", answer.getHeaderString("Access-Control-Expose-Headers"));
        assertEquals("Origin", answer.getHeaderString("Vary"));
    }

    @Test
    void otherOriginsAndSameOriginCallsGetNoCorsHeaders() {
        for (FakeExchange request :
                List.of(new FakeExchange().header("Origin", "https://evil.example"), new FakeExchange())) {
            Response answer = cors.headers(Response.ok(), request.build()).build();
            assertNull(answer.getHeaderString("Access-Control-Allow-Origin"));
            assertNull(answer.getHeaderString("Access-Control-Allow-Credentials"));
            assertNull(answer.getHeaderString("Vary"));
        }
    }

    @Test
    void aPreflightOfAListedOriginNamesTheMethodAndHeaders() {
        Response answer = cors.preflight(
                "POST",
                new FakeExchange().header("Origin", "https://app.example").build());
        assertEquals(204, answer.getStatus());
        assertEquals("POST, OPTIONS", answer.getHeaderString("Allow"));
        assertEquals("POST", answer.getHeaderString("Access-Control-Allow-Methods"));
        assertEquals("Content-Type, If-None-Match", answer.getHeaderString("Access-Control-Allow-Headers"));
        assertEquals("600", answer.getHeaderString("Access-Control-Max-Age"));
        assertEquals("https://app.example", answer.getHeaderString("Access-Control-Allow-Origin"));
    }

    @Test
    void aPreflightOfAListedOriginAllowsTheHeadersItsPageAsksFor() {
        Response answer = cors.preflight(
                "POST",
                new FakeExchange()
                        .header("Origin", "https://app.example")
                        .header("Access-Control-Request-Headers", "content-type, X-CSRF-Token,bad header, x:y, ")
                        .build());
        assertEquals(
                "Content-Type, If-None-Match, X-CSRF-Token",
                answer.getHeaderString("Access-Control-Allow-Headers"),
                "the defaults once, the page's own, nothing that is not a header name");
        assertTrue(
                answer.getHeaderString("Vary").contains("Access-Control-Request-Headers"),
                answer.getHeaderString("Vary"));
        String many = String.join(",", java.util.Collections.nCopies(30, "x")).replace("x", "X-A");
        StringBuilder distinct = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            distinct.append(i == 0 ? "" : ",").append("X-H").append(i);
        }
        String allowed = Cors.allowedHeaders(distinct.toString());
        assertEquals(2 + Cors.MAX_REQUESTED, allowed.split(", ").length, allowed);
        assertEquals("Content-Type, If-None-Match, X-A", Cors.allowedHeaders(many));
    }

    @Test
    void aPreflightOfAnotherOriginOnlySaysWhatIsAllowed() {
        Response answer = cors.preflight(
                "GET",
                new FakeExchange().header("Origin", "https://evil.example").build());
        assertEquals(204, answer.getStatus());
        assertEquals("GET, OPTIONS", answer.getHeaderString("Allow"));
        assertNull(answer.getHeaderString("Access-Control-Allow-Methods"));
        assertNull(answer.getHeaderString("Access-Control-Allow-Headers"));
        assertNull(answer.getHeaderString("Access-Control-Max-Age"));
        assertNull(answer.getHeaderString("Access-Control-Allow-Origin"));
    }
}
