package io.mizan.inprocess.hydration;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A servlet request and response without a server, for the {@link io.mizan.hydration.HydrationFilter}:
 * the request has a method, headers (matched without regard to case, as HTTP does), maybe a user
 * principal and maybe a session named in the URL; the response records its status, content type,
 * headers, length and body, and whether it was flushed. Only the methods the filter and a page's
 * servlet use answer; any other throws.
 */
final class FakeHttp {

    private FakeHttp() {}

    /** A request of this method and these headers. */
    static final class Request {
        final String method;
        final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Principal user;
        boolean sessionInUrl;

        Request(String method) {
            this.method = method;
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Request user(String name) {
            user = () -> name;
            return this;
        }

        Request sessionInUrl() {
            sessionInUrl = true;
            return this;
        }

        HttpServletRequest build() {
            return (HttpServletRequest) Proxy.newProxyInstance(
                    HttpServletRequest.class.getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class},
                    (proxy, m, args) -> switch (m.getName()) {
                        case "getMethod" -> method;
                        case "getHeader" -> headers.get((String) args[0]);
                        case "getHeaders" -> Collections.enumeration(
                                headers.containsKey((String) args[0])
                                        ? List.of(headers.get((String) args[0]))
                                        : List.<String>of());
                        case "getDateHeader" -> headers.containsKey((String) args[0]) ? 1_000L : -1L;
                        case "getUserPrincipal" -> user;
                        case "isRequestedSessionIdFromURL" -> sessionInUrl;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }

    /** What a response was given. */
    static final class Response {
        int status = 200;
        String contentType;
        String characterEncoding;
        Integer contentLength;
        boolean flushed;
        final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        private final ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };

        String text() {
            return body.toString(java.nio.charset.StandardCharsets.UTF_8);
        }

        HttpServletResponse build() {
            return (HttpServletResponse) Proxy.newProxyInstance(
                    HttpServletResponse.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class},
                    (proxy, m, args) -> switch (m.getName()) {
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "getStatus" -> status;
                        case "setContentType" -> {
                            contentType = (String) args[0];
                            int at = contentType
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .indexOf("charset=");
                            if (at >= 0) {
                                characterEncoding =
                                        contentType.substring(at + 8).trim();
                            }
                            yield null;
                        }
                        case "getContentType" -> contentType;
                        case "setCharacterEncoding" -> {
                            characterEncoding = (String) args[0];
                            yield null;
                        }
                        case "getCharacterEncoding" -> characterEncoding;
                        case "setHeader", "addHeader" -> {
                            headers.put((String) args[0], (String) args[1]);
                            yield null;
                        }
                        case "setDateHeader", "addDateHeader" -> {
                            headers.put((String) args[0], "date " + args[1]);
                            yield null;
                        }
                        case "getHeader" -> headers.get((String) args[0]);
                        case "setContentLength" -> {
                            contentLength = (Integer) args[0];
                            yield null;
                        }
                        case "setContentLengthLong" -> {
                            contentLength = ((Long) args[0]).intValue();
                            yield null;
                        }
                        case "flushBuffer" -> {
                            flushed = true;
                            yield null;
                        }
                        case "getOutputStream" -> stream;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }
}
