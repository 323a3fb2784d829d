package io.mizan.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.inprocess.FakeHttp;
import org.junit.jupiter.api.Test;

import java.util.List;

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
        FakeHttp.Response response = new FakeHttp.Response();
        assertFalse(run(request("POST", "/api", "/mizan/call/hello").header("Content-Type", "a/b/c"), response));
        assertEquals(400, response.status);
        assertEquals(Problem.MEDIA_TYPE, response.contentType);
        assertEquals("no-store", response.headers.get("Cache-Control"));
        assertEquals(
                "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                        + "\"detail\":\"The Content-Type header is malformed\",\"code\":\"MIZAN-124\"}",
                response.text());
        assertEquals(response.body.size(), response.contentLength);
    }

    @Test
    void eachOfTheThreeHeadersIsChecked() throws Exception {
        assertEquals(
                "Content-Type",
                BaseFilter.malformedHeader(request("GET", "/api", "/mizan/hydrate")
                        .header("Content-Type", "application/json")
                        .header("Content-Type", "application/json")
                        .build()));
        assertEquals(
                "Accept",
                BaseFilter.malformedHeader(request("GET", "/api", "/mizan/hydrate")
                        .header("Accept", "application/json")
                        .header("Accept", "text/html;q=2")
                        .build()));
        assertEquals(
                "Accept-Language",
                BaseFilter.malformedHeader(request("GET", "/api", "/mizan/hydrate")
                        .header("Accept-Language", "en;q=x")
                        .build()));
        assertNull(BaseFilter.malformedHeader(request("POST", "/api", "/mizan/call/hello")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Accept-Language", "en-US,en;q=0.9")
                .build()));
    }

    @Test
    void theBaseItselfIsA404ProblemAndEveryOtherPathGoesOn() throws Exception {
        for (String[] path : new String[][] {{"/api", "/mizan"}, {"/api", "/mizan/"}, {"/api/mizan", null}}) {
            FakeHttp.Response response = new FakeHttp.Response();
            assertFalse(run(request("GET", path[0], path[1]), response), String.join("", path[0], path[1]));
            assertEquals(404, response.status);
            assertTrue(response.text().contains("\"code\":\"MIZAN-102\""), response.text());
            assertTrue(response.text().contains("There is no Mizan endpoint at ''"), response.text());
        }
        for (String[] path :
                new String[][] {{"/api", "/mizan/hydrate"}, {"/api", "/mizan/x"}, {"/api", "/mizan/call/a"}}) {
            FakeHttp.Response response = new FakeHttp.Response();
            assertTrue(run(request("GET", path[0], path[1]), response), String.join("", path[0], path[1]));
            assertFalse(response.answered(), "nothing answered by the filter");
        }
    }

    @Test
    void aPathEndingInASlashIsA404ProblemNamingIt() throws Exception {
        for (String[] path : new String[][] {
            {"/api", "/mizan/call/hello/", "call/hello/"},
            {"/api", "/mizan//", "/"},
            {"/api", "/mizan/hydrate//", "hydrate//"},
            {"/api/mizan/ctx/motd/", null, "ctx/motd/"}
        }) {
            FakeHttp.Response response = new FakeHttp.Response();
            assertFalse(run(request("GET", path[0], path[1]), response), path[2]);
            assertEquals(404, response.status);
            assertTrue(response.text().contains("\"code\":\"MIZAN-102\""), response.text());
            assertTrue(response.text().contains("There is no Mizan endpoint at '" + path[2] + "'"), response.text());
        }
    }

    @Test
    void aTransferEncodingOtherThanChunkedIsA501ProblemThatClosesTheConnection() throws Exception {
        for (String coding : new String[] {"xchunked", "gzip, chunked", "identity"}) {
            FakeHttp.Response response = new FakeHttp.Response();
            assertFalse(
                    run(request("POST", "/api", "/mizan/call/hello").header("Transfer-Encoding", coding), response));
            assertEquals(501, response.status, coding);
            assertEquals("close", response.headers.get("Connection"), coding);
            assertTrue(response.text().contains("\"code\":\"MIZAN-147\""), response.text());
            assertTrue(response.text().contains("'" + coding + "'"), response.text());
        }
        for (String coding : new String[] {"chunked", " Chunked "}) {
            FakeHttp.Response response = new FakeHttp.Response();
            assertTrue(run(request("POST", "/api", "/mizan/call/hello").header("Transfer-Encoding", coding), response));
        }
    }

    @Test
    void aMethodNoResourceMethodNamesIsA405WithTheEndpointsAllowOrA404() throws Exception {
        for (String[] c : new String[][] {
            {"PROPFIND", "/mizan/call/hello", "405", "POST, OPTIONS", "Use POST on this endpoint"},
            {"FOO", "/mizan/batch", "405", "POST, OPTIONS", "Use POST on this endpoint"},
            {"MKCOL", "/mizan/ctx/motd", "405", "GET, HEAD, OPTIONS", "Use GET on this endpoint"},
            {"LOCK", "/mizan/schema", "405", "GET, HEAD, OPTIONS", "Use GET on this endpoint"},
            {"PROPFIND", "/mizan/nothing", "404", null, "There is no Mizan endpoint at 'nothing'"},
            {"PROPFIND", "/mizan/call", "404", null, "There is no Mizan endpoint at 'call'"}
        }) {
            FakeHttp.Response response = new FakeHttp.Response();
            assertFalse(run(request(c[0], "/api", c[1]), response), c[0] + " " + c[1]);
            assertEquals(Integer.parseInt(c[2]), response.status, c[1]);
            assertEquals(c[3], response.headers.get("Allow"), c[1]);
            assertEquals(Problem.MEDIA_TYPE, response.contentType);
            assertTrue(response.text().contains(c[4]), response.text());
        }
        for (String method : new String[] {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
            FakeHttp.Response response = new FakeHttp.Response();
            assertTrue(run(request(method, "/api", "/mizan/nothing"), response), method);
            assertFalse(response.answered(), method + ": the resource answers");
        }
    }

    @Test
    void aHeadRequestGetsTheStatusAndHeadersWithoutTheBody() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        run(request("HEAD", "/api", "/mizan/hydrate").header("Accept", ";;;"), response);
        assertEquals(400, response.status);
        assertEquals(Problem.MEDIA_TYPE, response.contentType);
        assertEquals(0, response.body.size());
        assertTrue(response.contentLength > 0);
    }

    /** A request of this method to this servlet path and path info. */
    static FakeHttp.Request request(String method, String servletPath, String pathInfo) {
        return new FakeHttp.Request(method).path(servletPath, pathInfo);
    }

    /** Runs the request through a filter for {@code api}, answering into the response: whether it went on. */
    static boolean run(FakeHttp.Request request, FakeHttp.Response response) throws Exception {
        boolean[] passed = {false};
        BaseFilter.under(List.of("api")).doFilter(request.build(), response.build(), (req, res) -> passed[0] = true);
        return passed[0];
    }
}
