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
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A servlet request and response without a server, the one fake of them the tests share.
 *
 * <p>The request has headers, matched without regard to case as HTTP does, each name with the one value
 * or the several values it was given ({@code getHeader} answers the first, a date header reads as
 * 1,000 ms); maybe a user principal and an authentication type; maybe a session named in the URL; a
 * client address, a context path, and a session and a servlet {@link Context} as a container keeps
 * them; it records what ended a session or a sign-in ({@link Request#events}). Its method, scheme
 * (secure when https), servlet path and path info, query string and locale answer only when the test
 * gave them: asked for one it was not given, it throws.
 *
 * <p>The response records its status (200 until set), content type and encoding (the charset the type
 * names, too), length, headers (the last value of each, dates as {@code date} and the number) and
 * body, whether it was flushed, and whether it was answered at all.
 *
 * <p>Any other method of either throws {@link UnsupportedOperationException}, so that a test notices
 * the code under test using something it did not expect.
 */
public final class FakeHttp {

    private static final AtomicInteger SESSIONS = new AtomicInteger();

    private FakeHttp() {}

    /** A request; the builder methods return it, {@link #build()} makes the servlet request it describes. */
    public static final class Request {
        public Principal user;
        public String authType;
        public boolean sessionInUrl;
        public String remoteAddr = "192.0.2.1";
        public String contextPath = "";
        public Context context = new Context();

        /** What ended a session ({@code invalidate <id>}) or a sign-in ({@code logout}), in order. */
        public final List<String> events = new ArrayList<>();

        private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        /** What the getters of the values a test may give answer, by the getter's name. */
        private final Map<String, Object> given = new HashMap<>();

        private Session session;
        private Runnable onLogout = () -> {};

        /** A request without a method: reading it throws. */
        public Request() {}

        /** A request of this method. */
        public Request(String method) {
            given.put("getMethod", method);
        }

        /** Adds a value of this header: given again with the same name, the header has several. */
        public Request header(String name, String value) {
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            return this;
        }

        public Request user(String name) {
            return user(() -> name);
        }

        /** Of this user principal ({@code null}: nobody). */
        public Request user(Principal principal) {
            user = principal;
            return this;
        }

        /** Authenticated by this scheme ({@code BASIC}, {@code FORM}, ...). */
        public Request authType(String type) {
            authType = type;
            return this;
        }

        /** As a request whose URL names its session ({@code ;jsessionid=}), which the container read. */
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

        /** Over this scheme: secure when it is https. Without one, it is not secure and has no scheme to read. */
        public Request scheme(String scheme) {
            given.put("getScheme", scheme);
            return this;
        }

        /** Came over https. */
        public Request secure() {
            return scheme("https");
        }

        /** Mapped to a servlet at this path, with this path info (either may be {@code null}). */
        public Request path(String servletPath, String pathInfo) {
            given.put("getServletPath", servletPath);
            given.put("getPathInfo", pathInfo);
            return this;
        }

        /** With this query string, as the browser sent it ({@code null}: none). */
        public Request query(String queryString) {
            given.put("getQueryString", queryString);
            return this;
        }

        /** Preferring this locale. */
        public Request locale(Locale locale) {
            given.put("getLocale", locale);
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

        private List<String> values(String name) {
            return List.copyOf(headers.getOrDefault(name, List.of()));
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

        /** The servlet request; it reads this one's values as they are when asked. */
        public HttpServletRequest build() {
            return (HttpServletRequest) Proxy.newProxyInstance(
                    HttpServletRequest.class.getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class},
                    (proxy, m, args) -> switch (m.getName()) {
                        case "getHeader" -> values((String) args[0]).stream()
                                .findFirst()
                                .orElse(null);
                        case "getHeaders" -> Collections.enumeration(values((String) args[0]));
                        case "getDateHeader" -> headers.containsKey((String) args[0]) ? 1_000L : -1L;
                        case "getUserPrincipal" -> user;
                        case "getAuthType" -> authType;
                        case "isRequestedSessionIdFromURL" -> sessionInUrl;
                        case "getRemoteAddr" -> remoteAddr;
                        case "getContextPath" -> contextPath;
                        case "isSecure" -> "https".equalsIgnoreCase((String) given.get("getScheme"));
                        case "getServletContext" -> context.build();
                        case "getSession" -> session(args == null || (Boolean) args[0]);
                        case "logout" -> logout();
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "FakeHttp.Request " + given + " " + headers;
                        default -> {
                            if (args == null && given.containsKey(m.getName())) {
                                yield given.get(m.getName());
                            }
                            throw new UnsupportedOperationException(m.getName());
                        }
                    });
        }
    }

    /** A response: what it was given, read from its public fields once the code under test is done. */
    public static final class Response {
        public int status = 200;
        public String contentType;
        public String characterEncoding;
        public Integer contentLength;
        public boolean flushed;
        public final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        public final ByteArrayOutputStream body = new ByteArrayOutputStream();

        private boolean answered;

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

        /** The body, read as UTF-8. */
        public String text() {
            return body.toString(StandardCharsets.UTF_8);
        }

        /** Whether it was given anything: a status, type, encoding, length or header, a flush or a body. */
        public boolean answered() {
            return answered || body.size() > 0;
        }

        /** The servlet response, recording into this one; built again, it records into the same. */
        public HttpServletResponse build() {
            return (HttpServletResponse) Proxy.newProxyInstance(
                    HttpServletResponse.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class},
                    (proxy, m, args) -> switch (m.getName()) {
                        case "getStatus" -> status;
                        case "getContentType" -> contentType;
                        case "getCharacterEncoding" -> characterEncoding;
                        case "getHeader" -> headers.get((String) args[0]);
                        case "getOutputStream" -> stream;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "FakeHttp.Response " + status + " " + headers;
                        default -> {
                            set(m.getName(), args);
                            answered = true;
                            yield null;
                        }
                    });
        }

        private void set(String method, Object[] args) {
            switch (method) {
                case "setStatus" -> status = (Integer) args[0];
                case "setContentType" -> {
                    contentType = (String) args[0];
                    int at = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
                    if (at >= 0) {
                        characterEncoding = contentType.substring(at + 8).trim();
                    }
                }
                case "setCharacterEncoding" -> characterEncoding = (String) args[0];
                case "setHeader", "addHeader" -> headers.put((String) args[0], (String) args[1]);
                case "setDateHeader", "addDateHeader" -> headers.put((String) args[0], "date " + args[1]);
                case "setContentLength" -> contentLength = (Integer) args[0];
                case "setContentLengthLong" -> contentLength = ((Long) args[0]).intValue();
                case "flushBuffer" -> flushed = true;
                default -> throw new UnsupportedOperationException(method);
            }
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
