package io.mizan.inprocess.hydration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.hydration.Hydration;
import io.mizan.hydration.HydrationFilter;
import io.mizan.inprocess.FakeHttp;
import io.mizan.inprocess.InProcess;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The filter in front of the app's page, with the core running and a stand-in for the servlet that
 * serves the file: an HTML page answered 200 gets the hydration script for the caller the container
 * establishes (nobody, for a session named in the URL), is marked {@code no-store}, loses the file's
 * validators and gets its final length; a conditional request is rendered in full, a HEAD answers the
 * headers a GET would and no body, and anything else (another method, status or type) passes as it is.
 */
class HydrationFilterTest {

    static final Logger LOG = Logger.getLogger(Hydration.class.getName());

    static final String PAGE = "<html><head><title>t</title></head><body></body></html>";

    static final String ANONYMOUS = "{\"contexts\":{\"banner\":\"Welcome\"}}";

    InProcess.Deployment deployment;
    Level level;
    final HydrationFilter filter = new HydrationFilter();

    /** The request the page's servlet saw. */
    HttpServletRequest seen;

    ServletResponse seenResponse;

    @BeforeEach
    void start() {
        level = LOG.getLevel();
        LOG.setLevel(Level.SEVERE); // the contexts that fail are logged: expected here
        deployment = InProcess.start(Site.class, Flaky.class, Cart.class); // local contexts are not embedded
    }

    @AfterEach
    void stop() {
        deployment.close();
        LOG.setLevel(level);
    }

    /** A servlet that answers with this status, type and body, its ETag and Last-Modified too. */
    FilterChain file(int status, String type, String body) {
        return (request, response) -> {
            seen = (HttpServletRequest) request;
            seenResponse = response;
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(status);
            if (type != null) {
                http.setContentType(type);
            }
            http.setHeader("ETag", "\"v1\"");
            http.setDateHeader("Last-Modified", 0L);
            http.setHeader("X-Served-By", "file");
            http.setContentLength(body.length());
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        };
    }

    FakeHttp.Response serve(FakeHttp.Request request, FilterChain chain) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        filter.doFilter(request.build(), response.build(), chain);
        return response;
    }

    static String script(String json) {
        return "<script type=\"application/json\" id=\"mizan-hydration\">" + json + "</script>";
    }

    @Test
    void anHtmlPageCarriesTheAnonymousCallersContextsAndIsNotStored() throws Exception {
        FakeHttp.Response response = serve(new FakeHttp.Request("GET"), file(200, "text/html", PAGE));

        String expected = "<html><head><title>t</title>" + script(ANONYMOUS) + "</head><body></body></html>";
        assertEquals(expected, response.text());
        assertEquals(expected.getBytes(StandardCharsets.UTF_8).length, response.contentLength);
        assertEquals("no-store", response.headers.get("Cache-Control"));
        assertEquals("text/html;charset=UTF-8", response.contentType);
        assertEquals("file", response.headers.get("X-Served-By"), "other headers pass");
        assertNull(response.headers.get("ETag"), "the file's ETag describes the file, not this page");
        assertNull(response.headers.get("Last-Modified"));
        assertFalse(response.flushed, "nothing is flushed before the page is final");
    }

    @Test
    void aSignedInCallerGetsTheirOwnContexts() throws Exception {
        deployment.security().signIn("sam", "staff");

        FakeHttp.Response response =
                serve(new FakeHttp.Request("GET").user("sam"), file(200, "text/html; charset=UTF-8", PAGE));

        assertTrue(
                response.text()
                        .contains(script("{\"contexts\":{\"banner\":\"Welcome\",\"currentUser\":\"sam\","
                                + "\"staffNotes\":[\"stocktake on Friday\"]}}")),
                response.text());
    }

    @Test
    void aSessionNamedInTheUrlHydratesThePageForNobody() throws Exception {
        deployment.security().signIn("sam", "staff");

        FakeHttp.Response response =
                serve(new FakeHttp.Request("GET").user("sam").sessionInUrl(), file(200, "text/html", PAGE));

        assertTrue(response.text().contains(script(ANONYMOUS)), response.text());
    }

    @Test
    void theTypeIsReadWithoutRegardToCase() throws Exception {
        FakeHttp.Response response = serve(new FakeHttp.Request("GET"), file(200, "TEXT/HTML", PAGE));

        assertTrue(response.text().contains(script(ANONYMOUS)), response.text());
    }

    @Test
    void aConditionalRequestIsRenderedInFullAsAGet() throws Exception {
        FakeHttp.Request request = new FakeHttp.Request("GET")
                .header("If-None-Match", "\"v1\"")
                .header("If-Modified-Since", "Thu, 01 Jan 1970 00:00:01 GMT")
                .header("Range", "bytes=0-10")
                .header("Accept", "text/html");

        FakeHttp.Response response = serve(request, file(200, "text/html", PAGE));

        assertEquals("GET", seen.getMethod());
        for (String conditional :
                List.of("If-None-Match", "if-modified-since", "RANGE", "If-Match", "If-Unmodified-Since", "If-Range")) {
            assertNull(seen.getHeader(conditional), conditional);
            assertFalse(seen.getHeaders(conditional).hasMoreElements(), conditional);
            assertEquals(-1, seen.getDateHeader(conditional), conditional);
        }
        assertEquals("text/html", seen.getHeader("accept"), "other headers are the request's");
        assertEquals(List.of("text/html"), Collections.list(seen.getHeaders("Accept")));
        assertEquals(1_000L, seen.getDateHeader("Accept"));
        assertTrue(response.text().contains(script(ANONYMOUS)));
    }

    @Test
    void aHeadAnswersTheHeadersOfTheGetAndNoBody() throws Exception {
        FakeHttp.Response get = serve(new FakeHttp.Request("GET"), file(200, "text/html", PAGE));
        FakeHttp.Response head = serve(new FakeHttp.Request("HEAD"), file(200, "text/html", PAGE));

        assertEquals("GET", seen.getMethod(), "the page is rendered as for a GET");
        assertEquals(0, head.body.size());
        assertEquals(get.contentLength, head.contentLength);
        assertEquals("no-store", head.headers.get("Cache-Control"));
        assertEquals("text/html;charset=UTF-8", head.contentType);
    }

    @Test
    void aHeadOfAnythingElseAnswersItsHeadersAndNoBody() throws Exception {
        FakeHttp.Response head = serve(new FakeHttp.Request("HEAD"), file(200, "text/css", "p{}"));

        assertEquals(0, head.body.size());
        assertEquals(3, head.contentLength);
        assertEquals("\"v1\"", head.headers.get("ETag"));
    }

    @Test
    void anotherTypePassesUnchangedWithItsValidators() throws Exception {
        FakeHttp.Response response = serve(new FakeHttp.Request("GET"), file(200, "text/css", "p{}"));

        assertEquals("p{}", response.text());
        assertEquals(3, response.contentLength);
        assertEquals("\"v1\"", response.headers.get("ETag"));
        assertEquals("Thu, 1 Jan 1970 00:00:00 GMT", response.headers.get("Last-Modified"));
        assertNull(response.headers.get("Cache-Control"));
        assertEquals("text/css", response.contentType);
    }

    @Test
    void anAnswerOtherThan200PassesUnchanged() throws Exception {
        FakeHttp.Response response = serve(new FakeHttp.Request("GET"), file(404, "text/html", PAGE));

        assertEquals(404, response.status);
        assertEquals(PAGE, response.text());
        assertEquals("\"v1\"", response.headers.get("ETag"));
        assertNull(response.headers.get("Cache-Control"));
    }

    @Test
    void anAnswerWithoutATypePassesUnchanged() throws Exception {
        FakeHttp.Response response = serve(new FakeHttp.Request("GET"), file(200, null, "<head></head>"));

        assertEquals("<head></head>", response.text());
        assertEquals(13, response.contentLength);
    }

    @Test
    void otherMethodsReachTheServletAsTheyCame() throws Exception {
        FakeHttp.Request post = new FakeHttp.Request("POST").header("If-None-Match", "\"v1\"");
        HttpServletRequest request = post.build();
        FakeHttp.Response response = new FakeHttp.Response();
        HttpServletResponse servletResponse = response.build();

        filter.doFilter(request, servletResponse, file(200, "text/html", PAGE));

        assertSame(request, seen);
        assertSame(servletResponse, seenResponse);
        assertEquals(PAGE, response.text());
        assertEquals("\"v1\"", response.headers.get("ETag"));
    }

    @Test
    void validatorsAddedOrDatedAnyWayAreHeldBackFromThePage() throws Exception {
        FilterChain chain = (request, response) -> {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setContentType("text/html");
            http.addHeader("etag", "\"v2\"");
            http.addDateHeader("LAST-MODIFIED", 86_400_000L);
            http.addHeader("X-Added", "yes");
            http.addDateHeader("Expires", 5L);
            response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
        };
        FakeHttp.Response page = serve(new FakeHttp.Request("GET"), chain);

        assertNull(page.headers.get("ETag"));
        assertNull(page.headers.get("Last-Modified"));
        assertEquals("yes", page.headers.get("X-Added"));
        assertEquals("date 5", page.headers.get("Expires"));

        FilterChain css = (request, response) -> {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setContentType("text/css");
            http.addHeader("etag", "\"v2\"");
            http.addDateHeader("LAST-MODIFIED", 86_400_000L);
            http.setDateHeader("Date", 7L);
        };
        FakeHttp.Response file = serve(new FakeHttp.Request("GET"), css);

        assertEquals("\"v2\"", file.headers.get("ETag"));
        assertEquals("Fri, 2 Jan 1970 00:00:00 GMT", file.headers.get("Last-Modified"));
        assertEquals("date 7", file.headers.get("Date"));
        assertEquals(0, file.contentLength);
    }

    @Test
    void aPageWrittenAsTextInItsCharsetIsSentAsUtf8() throws Exception {
        FilterChain chain = (request, response) -> {
            response.setContentType("text/html;charset=ISO-8859-1");
            PrintWriter writer = response.getWriter();
            writer.write("<html><head></head><body>caf\u00e9</body></html>");
            response.flushBuffer();
            response.setContentLength(3);
            response.setContentLengthLong(3L);
            // the writer is not flushed: the filter flushes it when it reads the page
        };
        FakeHttp.Response response = serve(new FakeHttp.Request("GET"), chain);

        String expected = "<html><head>" + script(ANONYMOUS) + "</head><body>caf\u00e9</body></html>";
        assertEquals(expected, response.text());
        assertEquals(expected.getBytes(StandardCharsets.UTF_8).length, response.contentLength);
        assertFalse(response.flushed);
    }

    @Test
    void aPageWrittenAsTextWithoutACharsetIsUtf8() throws Exception {
        FilterChain chain = (request, response) -> {
            ((HttpServletResponse) response).setStatus(200);
            PrintWriter writer = response.getWriter();
            assertSame(writer, response.getWriter(), "one writer for the page");
            response.setContentType("text/html");
            writer.write("<head></head>\u00e9");
        };
        FakeHttp.Response response = serve(new FakeHttp.Request("GET"), chain);

        assertEquals(script(ANONYMOUS) + "</head>\u00e9", response.text().substring("<head>".length()));
    }

    @Test
    void thePagesStreamBuffersEveryWayOfWritingAndCannotGoAsync() throws Exception {
        FilterChain chain = (request, response) -> {
            response.setContentType("text/html");
            ServletOutputStream out = response.getOutputStream();
            assertSame(out, response.getOutputStream(), "one stream for the page");
            assertTrue(out.isReady());
            assertThrows(
                    UnsupportedOperationException.class,
                    () -> out.setWriteListener(new WriteListener() {
                        @Override
                        public void onWritePossible() {}

                        @Override
                        public void onError(Throwable t) {}
                    }));
            out.write('<');
            byte[] rest = "xxhead></head>yy".getBytes(StandardCharsets.UTF_8);
            out.write(rest, 2, rest.length - 4);
        };
        FakeHttp.Response response = serve(new FakeHttp.Request("GET"), chain);

        assertEquals("<head>" + script(ANONYMOUS) + "</head>", response.text());
    }
}
