package io.mizan.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

class BaseFilterTest {

    @Test
    void theFilterIsMappedToTheBaseUnderEveryApplicationPath() {
        assertEquals(List.of("/api/mizan/*"), BaseFilter.under(List.of("api")).patterns());
        assertEquals(
                List.of("/api/mizan/*"), BaseFilter.under(List.of("/api/*")).patterns());
        assertEquals(List.of("/api/mizan/*"), BaseFilter.under(List.of("/api/")).patterns());
        assertEquals(List.of("/mizan/*"), BaseFilter.under(List.of("/")).patterns());
        assertEquals(List.of("/mizan/*"), BaseFilter.under(List.of("")).patterns());
        assertEquals(
                List.of("/a/b/mizan/*", "/rest/mizan/*"),
                BaseFilter.under(List.of("rest", "a/b")).patterns());
    }

    @Test
    void aMalformedHeaderIsA400ProblemAndGoesNoFurther() throws Exception {
        Exchange e = new Exchange("POST", "/api", "/mizan/call/hello").header("Content-Type", "a/b/c");
        e.run();
        assertFalse(e.passed);
        assertEquals(400, e.status);
        assertEquals(Problem.MEDIA_TYPE, e.contentType);
        assertEquals("no-store", e.headers.get("Cache-Control"));
        assertEquals(
                "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                        + "\"detail\":\"The Content-Type header is malformed\",\"code\":\"MIZAN-124\"}",
                e.body());
        assertEquals(e.body.size(), e.contentLength);
    }

    @Test
    void eachOfTheThreeHeadersIsChecked() throws Exception {
        assertEquals(
                "Content-Type",
                BaseFilter.malformedHeader(new Exchange("GET", "/api", "/mizan/hydrate")
                        .header("Content-Type", "application/json")
                        .header("Content-Type", "application/json")
                        .request()));
        assertEquals(
                "Accept",
                BaseFilter.malformedHeader(new Exchange("GET", "/api", "/mizan/hydrate")
                        .header("Accept", "application/json")
                        .header("Accept", "text/html;q=2")
                        .request()));
        assertEquals(
                "Accept-Language",
                BaseFilter.malformedHeader(new Exchange("GET", "/api", "/mizan/hydrate")
                        .header("Accept-Language", "en;q=x")
                        .request()));
        assertNull(BaseFilter.malformedHeader(new Exchange("POST", "/api", "/mizan/call/hello")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Accept-Language", "en-US,en;q=0.9")
                .request()));
    }

    @Test
    void theBaseItselfIsA404ProblemAndEveryOtherPathGoesOn() throws Exception {
        for (String[] path : new String[][] {{"/api", "/mizan"}, {"/api", "/mizan/"}, {"/api/mizan", null}}) {
            Exchange e = new Exchange("GET", path[0], path[1]);
            e.run();
            assertFalse(e.passed, String.join("", path[0], path[1]));
            assertEquals(404, e.status);
            assertTrue(e.body().contains("\"code\":\"MIZAN-102\""), e.body());
            assertTrue(e.body().contains("There is no Mizan endpoint at ''"), e.body());
        }
        for (String[] path : new String[][] {{"/api", "/mizan/hydrate"}, {"/api", "/mizan/x"}, {"/api", "/mizan//"}}) {
            Exchange e = new Exchange("GET", path[0], path[1]);
            e.run();
            assertTrue(e.passed, String.join("", path[0], path[1]));
            assertEquals(0, e.status);
        }
    }

    @Test
    void aHeadRequestGetsTheStatusAndHeadersWithoutTheBody() throws Exception {
        Exchange e = new Exchange("HEAD", "/api", "/mizan/hydrate").header("Accept", ";;;");
        e.run();
        assertEquals(400, e.status);
        assertEquals(Problem.MEDIA_TYPE, e.contentType);
        assertEquals(0, e.body.size());
        assertTrue(e.contentLength > 0);
    }

    /** A request through a filter for {@code api}, and what the filter answered. */
    static final class Exchange {
        final String method;
        final String servletPath;
        final String pathInfo;
        final Map<String, List<String>> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        int status;
        String contentType;
        long contentLength = -1;
        boolean passed;

        Exchange(String method, String servletPath, String pathInfo) {
            this.method = method;
            this.servletPath = servletPath;
            this.pathInfo = pathInfo;
        }

        Exchange header(String name, String value) {
            requestHeaders.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            return this;
        }

        String body() {
            return body.toString(StandardCharsets.UTF_8);
        }

        HttpServletRequest request() {
            return (HttpServletRequest) Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class},
                    (proxy, m, args) -> switch (m.getName()) {
                        case "getMethod" -> method;
                        case "getServletPath" -> servletPath;
                        case "getPathInfo" -> pathInfo;
                        case "getHeaders" -> Collections.enumeration(
                                requestHeaders.getOrDefault((String) args[0], List.of()));
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }

        HttpServletResponse response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {}

                @Override
                public void write(int b) {
                    body.write(b);
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class},
                    (proxy, m, args) -> switch (m.getName()) {
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "setContentType" -> {
                            contentType = (String) args[0];
                            yield null;
                        }
                        case "setContentLength" -> {
                            contentLength = (Integer) args[0];
                            yield null;
                        }
                        case "setHeader" -> {
                            headers.put((String) args[0], (String) args[1]);
                            yield null;
                        }
                        case "getOutputStream" -> out;
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }

        void run() throws Exception {
            BaseFilter.under(List.of("api")).doFilter(request(), response(), (req, res) -> passed = true);
        }
    }
}
