package io.mizan.hydration;

import io.mizan.security.Caller;
import io.mizan.security.ContainerCaller;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Embeds every global context the caller may read into the app's HTML page, so the first render
 * needs no round trip. Registered by {@link HydrationInitializer} for {@code mizan.hydration.paths}
 * (default {@code /index.html}); the page must have a {@code </head>}.
 *
 * <p>The page is personal once it carries the caller's data, so conditional requests are answered
 * in full, the answer is marked {@code no-store}, and the file's {@code ETag} and {@code Last-Modified}
 * are not sent with it. {@code HEAD} answers the headers {@code GET} would. A session named in the URL
 * ({@code ;jsessionid=}) is not used: the page carries what anybody may read.
 */
public class HydrationFilter extends HttpFilter {

    private static final Set<String> CONDITIONAL =
            Set.of("if-none-match", "if-modified-since", "if-match", "if-unmodified-since", "if-range", "range");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean head = request.getMethod().equals("HEAD");
        if (!head && !request.getMethod().equals("GET")) {
            chain.doFilter(request, response);
            return;
        }
        // HEAD is rendered as GET, so that its headers are those of the page GET sends
        Buffered buffered = new Buffered(response);
        chain.doFilter(new Unconditional(request), buffered);
        byte[] body = buffered.bytes();
        String type = buffered.getContentType();
        if (buffered.getStatus() != 200
                || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            buffered.validators.forEach(response::setHeader);
            send(response, body, head);
            return;
        }
        // the same caller as GET <base>/hydrate and every call: the one Jakarta Security establishes;
        // nobody's data for a session named in the URL, which the endpoints refuse (MIZAN-123)
        CDI<Object> cdi = CDI.current();
        Caller caller = request.isRequestedSessionIdFromURL()
                ? Caller.ANONYMOUS
                : new ContainerCaller(cdi.select(SecurityContext.class).get(), request);
        String json = cdi.select(Hydration.class).get().contexts(caller, request);
        java.nio.charset.Charset charset = charsetOf(type);
        byte[] page = HydrationScript.inject(new String(body, charset), json).getBytes(StandardCharsets.UTF_8);
        // the file's ETag and Last-Modified were held back: they describe the file, not this page
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        send(response, page, head);
    }

    private static void send(HttpServletResponse response, byte[] body, boolean head) throws IOException {
        response.setContentLength(body.length);
        if (!head) {
            response.getOutputStream().write(body);
        }
    }

    /** The charset the content type names; UTF-8 when it names none (static files are read as bytes). */
    static java.nio.charset.Charset charsetOf(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                try {
                    return java.nio.charset.Charset.forName(
                            p.substring(8).replace("\"", "").trim());
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Hides conditional headers, so that the page is always rendered with fresh data; a HEAD is a GET. */
    private static final class Unconditional extends HttpServletRequestWrapper {
        Unconditional(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getHeader(String name) {
            return CONDITIONAL.contains(name.toLowerCase(Locale.ROOT)) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return CONDITIONAL.contains(name.toLowerCase(Locale.ROOT))
                    ? Collections.emptyEnumeration()
                    : super.getHeaders(name);
        }

        @Override
        public long getDateHeader(String name) {
            return CONDITIONAL.contains(name.toLowerCase(Locale.ROOT)) ? -1 : super.getDateHeader(name);
        }
    }

    /** Holds the page in memory until it is known whether it is HTML. */
    private static final class Buffered extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private PrintWriter writer;
        private ServletOutputStream stream;

        /** The file's ETag and Last-Modified, sent only when the answer is passed on unchanged. */
        final Map<String, String> validators = new LinkedHashMap<>();

        Buffered(HttpServletResponse response) {
            super(response);
        }

        /** Keeps the file's ETag or Last-Modified back; whether the header was one. */
        private boolean held(String name, String value) {
            boolean validator = name.equalsIgnoreCase("ETag") || name.equalsIgnoreCase("Last-Modified");
            if (validator) {
                validators.put(name, value);
            }
            return validator;
        }

        private static String date(long millis) {
            return DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC));
        }

        @Override
        public void setHeader(String name, String value) {
            if (!held(name, value)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!held(name, value)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setDateHeader(String name, long date) {
            if (!held(name, date(date))) {
                super.setDateHeader(name, date);
            }
        }

        @Override
        public void addDateHeader(String name, long date) {
            if (!held(name, date(date))) {
                super.addDateHeader(name, date);
            }
        }

        byte[] bytes() {
            if (writer != null) {
                writer.flush();
            }
            return bytes.toByteArray();
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        bytes.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        bytes.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("the page is buffered");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                String charset = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
                writer = new PrintWriter(new OutputStreamWriter(bytes, java.nio.charset.Charset.forName(charset)));
            }
            return writer;
        }

        @Override
        public void setContentLength(int len) {
            // the length is set once the page is final
        }

        @Override
        public void setContentLengthLong(long len) {
            // the length is set once the page is final
        }

        @Override
        public void flushBuffer() {
            // nothing reaches the client before the page is final
        }
    }
}
