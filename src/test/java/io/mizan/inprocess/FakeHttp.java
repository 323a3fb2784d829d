package io.mizan.inprocess;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A servlet request and response without a server, for the {@link io.mizan.hydration.HydrationFilter}
 * and the sign-in functions: the request has a method, headers (matched without regard to case, as HTTP
 * does), maybe a user principal, maybe a session named in the URL, a client address, a context path,
 * whether it came over https, and a session and a servlet {@link Context} as a container keeps them; it
 * records what ended a session or a sign-in ({@link Request#events}). The response records its status,
 * content type, headers, length and body, and whether it was flushed. Only the methods the filter, a
 * page's servlet and the sign-in functions use answer; any other throws.
 */
public final class FakeHttp {

    private static final AtomicInteger SESSIONS = new AtomicInteger();

    private FakeHttp() {}

    /** A request of this method and these headers. */
    public static final class Request {
        public final String method;
        public final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        public Principal user;
        public boolean sessionInUrl;
        public String remoteAddr = "192.0.2.1";
        public String contextPath = "";
        public boolean secure;
        public Context context = new Context();

        /** What ended a session ({@code invalidate <id>}) or a sign-in ({@code logout}), in order. */
        public final List<String> events = new ArrayList<>();

        private Session session;
        private Runnable onLogout = () -> {};

        public Request(String method) {
            this.method = method;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request user(String name) {
            user = () -> name;
            return this;
        }

        public Request sessionInUrl() {
            sessionInUrl = true;
            return this;
        }

        /** From this client address. */
        public Request from(String address) {
            remoteAddr = address;
            return this;
        }

        /** With a session of this id already. */
        public Request session(String id) {
            session = new Session(id);
            return this;
        }

        /** The session the request has now ({@code null}: none, or it was invalidated). */
        public HttpSession currentSession() {
            return session == null ? null : session.proxy;
        }

        public Request contextPath(String path) {
            contextPath = path;
            return this;
        }

        /** Came over https. */
        public Request secure() {
            secure = true;
            return this;
        }

        /** In this servlet context. */
        public Request in(Context context) {
            this.context = context;
            return this;
        }

        /** What the container also does on {@code logout()}, after signing the caller out. */
        public Request onLogout(Runnable also) {
            onLogout = also;
            return this;
        }

        private HttpSession session(boolean create) {
            if (session == null && create) {
                session = new Session("session-" + SESSIONS.incrementAndGet());
            }
            return currentSession();
        }

        private Object logout() {
            events.add("logout");
            user = null;
            onLogout.run();
            return null;
        }

        /** A session as a container keeps it: invalidated, it is the request's no more. */
        private final class Session {
            final String id;
            final HttpSession proxy;

            Session(String id) {
                this.id = id;
                this.proxy = (HttpSession) Proxy.newProxyInstance(
                        HttpSession.class.getClassLoader(),
                        new Class<?>[] {HttpSession.class},
                        (p, m, args) -> switch (m.getName()) {
                            case "getId" -> this.id;
                            case "invalidate" -> {
                                if (session != this) {
                                    throw new IllegalStateException("invalidated already: " + this.id);
                                }
                                events.add("invalidate " + this.id);
                                session = null;
                                yield null;
                            }
                            case "hashCode" -> System.identityHashCode(p);
                            case "equals" -> p == args[0];
                            default -> throw new UnsupportedOperationException(m.getName());
                        });
            }
        }

        public HttpServletRequest build() {
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
                        case "getRemoteAddr" -> remoteAddr;
                        case "getContextPath" -> contextPath;
                        case "isSecure" -> secure;
                        case "getServletContext" -> context.build();
                        case "getSession" -> session(args == null || (Boolean) args[0]);
                        case "logout" -> logout();
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }

    /** What a response was given. */
    public static final class Response {
        public int status = 200;
        public String contentType;
        public String characterEncoding;
        public Integer contentLength;
        public boolean flushed;
        public final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        public final ByteArrayOutputStream body = new ByteArrayOutputStream();

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

        public String text() {
            return body.toString(java.nio.charset.StandardCharsets.UTF_8);
        }

        public HttpServletResponse build() {
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

    /**
     * A servlet context: its session cookie's configuration, the application's class loader, what the
     * container calls itself, the resources the application has, and the session tracking modes (the
     * container's effective ones, and those the application set).
     */
    public static final class Context {
        public final CookieConfig cookie = new CookieConfig();
        public ClassLoader classLoader = Context.class.getClassLoader();
        public String serverInfo = "FakeHttp/1.0";
        public final Set<String> resources = new HashSet<>();
        public Set<SessionTrackingMode> effectiveTrackingModes =
                EnumSet.of(SessionTrackingMode.COOKIE, SessionTrackingMode.URL);

        /** The tracking modes the application set, or {@code null}. */
        public Set<SessionTrackingMode> trackingModes;

        private ServletContext proxy;

        public ServletContext build() {
            if (proxy == null) {
                proxy = (ServletContext) Proxy.newProxyInstance(
                        ServletContext.class.getClassLoader(),
                        new Class<?>[] {ServletContext.class},
                        (p, m, args) -> switch (m.getName()) {
                            case "getSessionCookieConfig" -> cookie;
                            case "getClassLoader" -> classLoader;
                            case "getServerInfo" -> serverInfo;
                            case "getResource" -> resource((String) args[0]);
                            case "getEffectiveSessionTrackingModes" -> trackingModes != null
                                    ? trackingModes
                                    : effectiveTrackingModes;
                            case "setSessionTrackingModes" -> {
                                @SuppressWarnings("unchecked")
                                Set<SessionTrackingMode> modes = (Set<SessionTrackingMode>) args[0];
                                trackingModes = Set.copyOf(modes);
                                yield null;
                            }
                            case "hashCode" -> System.identityHashCode(p);
                            case "equals" -> p == args[0];
                            default -> throw new UnsupportedOperationException(m.getName());
                        });
            }
            return proxy;
        }

        private URL resource(String path) throws MalformedURLException {
            if (!path.startsWith("/")) {
                throw new MalformedURLException(path);
            }
            return resources.contains(path) ? new URL("file:/application" + path) : null;
        }
    }

    /** A session cookie's configuration, as the container holds it; attribute names without regard to case. */
    public static final class CookieConfig implements SessionCookieConfig {
        private String name;
        private String domain;
        private String path;
        private boolean httpOnly;
        private boolean secure;
        private int maxAge = -1;
        private final Map<String, String> attributes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        @Override
        public void setName(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public void setDomain(String domain) {
            this.domain = domain;
        }

        @Override
        public String getDomain() {
            return domain;
        }

        @Override
        public void setPath(String path) {
            this.path = path;
        }

        @Override
        public String getPath() {
            return path;
        }

        @Override
        @Deprecated
        public void setComment(String comment) {}

        @Override
        @Deprecated
        public String getComment() {
            return null;
        }

        @Override
        public void setHttpOnly(boolean httpOnly) {
            this.httpOnly = httpOnly;
        }

        @Override
        public boolean isHttpOnly() {
            return httpOnly;
        }

        @Override
        public void setSecure(boolean secure) {
            this.secure = secure;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public void setMaxAge(int maxAge) {
            this.maxAge = maxAge;
        }

        @Override
        public int getMaxAge() {
            return maxAge;
        }

        @Override
        public void setAttribute(String name, String value) {
            attributes.put(name, value);
        }

        @Override
        public String getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public Map<String, String> getAttributes() {
            return Collections.unmodifiableMap(attributes);
        }
    }
}
