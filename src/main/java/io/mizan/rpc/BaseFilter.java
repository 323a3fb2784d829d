package io.mizan.rpc;

import io.mizan.json.StrictJson;
import io.mizan.messages.Messages;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.ApplicationPath;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * In front of Mizan's endpoints, answers the requests that the server's JAX-RS would answer with a page of
 * the container's own before any code of Mizan could run, so that these answers too are Mizan's
 * ({@code application/problem+json} with a code):
 *
 * <ul>
 *   <li>a {@code Content-Type}, {@code Accept} or {@code Accept-Language} that is not well-formed
 *       ({@link HeaderSyntax}), or a second {@code Content-Type}: 400 {@code MIZAN-124}. Jersey (Payara) fails
 *       to parse it while choosing the resource method and answers a bare 400 that no {@code ExceptionMapper}
 *       sees; RESTEasy (WildFly) parses these headers before anything of JAX-RS runs, a pre-matching filter
 *       included, and answers a bare 400. Either way the container then writes its HTML error page.
 *   <li>a {@code Transfer-Encoding} other than {@code chunked}: 501 {@code MIZAN-147}, and the connection is
 *       closed. Grizzly (Payara) and Undertow (WildFly) take such a request as one without a body, run it,
 *       and read the body as the next request on the connection.
 *   <li>the base itself ({@code .../mizan}, and {@code .../mizan/}, which RESTEasy reads as the same), and any
 *       path ending in a slash ({@code .../call/hello/}, which RESTEasy answers as {@code .../call/hello} and
 *       Jersey as no endpoint): 404 {@code MIZAN-102}, as any other path under the base that is no endpoint, on
 *       every server alike. No resource method's path matches them.
 *   <li>a method that no JAX-RS resource method can name ({@code PROPFIND}, any other token; {@code TRACE}
 *       the servers refuse themselves before any filter):
 *       405 {@code MIZAN-103} with the endpoint's {@code Allow}, or 404 {@code MIZAN-102} where there is no
 *       endpoint, as {@link MizanResource} answers {@code PUT}. The server would answer with its error page.
 * </ul>
 *
 * <p>A servlet filter, registered when the application starts (as a {@link ServletContainerInitializer} listed
 * in {@code META-INF/services}) for requests to {@code <application path>/mizan/*} under every JAX-RS
 * application path ({@link JaxRsPaths}), after the filters of {@code web.xml}. A well-formed request costs a
 * scan of those headers' characters: the value Mizan's client sends, {@code application/json}, not even that.
 */
@HandlesTypes(ApplicationPath.class)
public final class BaseFilter extends HttpFilter implements ServletContainerInitializer {

    /** The methods {@link MizanResource} takes (HEAD as GET), and answers for every path. */
    private static final Set<String> RESOURCE_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    /** The base, with and without its slash, under each application path; empty for the filter the server makes. */
    private final Set<String> bases;

    private final int longestBase;

    /** The instance the container makes of the class it is told to run as an initializer. */
    public BaseFilter() {
        this(Set.of());
    }

    private BaseFilter(Set<String> bases) {
        this.bases = Set.copyOf(bases);
        this.longestBase = bases.stream().mapToInt(String::length).max().orElse(-1);
    }

    /** A filter for the bases under these JAX-RS application paths ({@code api}, {@code /}). */
    static BaseFilter under(List<String> applicationPaths) {
        Set<String> bases = new HashSet<>();
        for (String path : applicationPaths) {
            String base = JaxRsPaths.prefix(path) + "/mizan";
            bases.add(base);
            bases.add(base + "/");
        }
        return new BaseFilter(bases);
    }

    /** The URL patterns the filter is mapped to: {@code /api/mizan/*}, which matches {@code /api/mizan} too. */
    List<String> patterns() {
        List<String> patterns = new ArrayList<>();
        for (String base : bases) {
            if (!base.endsWith("/")) {
                patterns.add(base + "/*");
            }
        }
        patterns.sort(null);
        return patterns;
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        BaseFilter filter = under(JaxRsPaths.of(classes, context));
        if (filter.bases.isEmpty()) {
            return; // JAX-RS is set up in a way not known here: the server answers as it does
        }
        FilterRegistration.Dynamic registration = context.addFilter("mizan-base", filter);
        if (registration != null) {
            registration.setAsyncSupported(true);
            registration.addMappingForUrlPatterns(
                    EnumSet.of(DispatcherType.REQUEST), true, filter.patterns().toArray(String[]::new));
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String header = malformedHeader(request);
        String transfer = request.getHeader("Transfer-Encoding");
        if (header != null) {
            Problem.send(request, response, Messages.malformedHeader(header));
        } else if (transfer != null && !transfer.trim().equalsIgnoreCase("chunked")) {
            response.setHeader("Connection", "close"); // the body's end is unknown: nothing more is read
            Problem.send(request, response, Messages.transferEncodingNotChunked(StrictJson.shorten(transfer)));
        } else if (isBaseOrEndsInSlash(request)) {
            Problem.send(request, response, Messages.noEndpoint(StrictJson.shorten(underBase(request))));
        } else if (!RESOURCE_METHODS.contains(request.getMethod())) {
            String path = underBase(request);
            String allowed = MizanResource.methodsOf(path);
            if (allowed == null) {
                Problem.send(request, response, Messages.noEndpoint(StrictJson.shorten(path)));
            } else {
                response.setHeader("Allow", MizanResource.allow(allowed));
                Problem.send(request, response, MizanResource.wrongMethod(allowed));
            }
        } else {
            chain.doFilter(request, response);
        }
    }

    /** The name of the first header of the three that is malformed, or {@code null}. */
    static String malformedHeader(HttpServletRequest request) {
        Enumeration<String> types = request.getHeaders("Content-Type");
        if (types != null && types.hasMoreElements()) {
            String type = types.nextElement();
            if (types.hasMoreElements() || !HeaderSyntax.mediaType(type)) {
                return "Content-Type";
            }
        }
        Enumeration<String> accepts = request.getHeaders("Accept");
        while (accepts != null && accepts.hasMoreElements()) {
            if (!HeaderSyntax.mediaRanges(accepts.nextElement())) {
                return "Accept";
            }
        }
        Enumeration<String> languages = request.getHeaders("Accept-Language");
        while (languages != null && languages.hasMoreElements()) {
            if (!HeaderSyntax.languageRanges(languages.nextElement())) {
                return "Accept-Language";
            }
        }
        return null;
    }

    /**
     * Whether the request's path, decoded and without path parameters, ends in a slash or is the base itself: no
     * endpoint's path does, and RESTEasy reads {@code call/hello/} as {@code call/hello} where Jersey does not.
     */
    private boolean isBaseOrEndsInSlash(HttpServletRequest request) {
        String info = request.getPathInfo();
        String last = info == null ? request.getServletPath() : info;
        return last.endsWith("/")
                || (request.getServletPath().length() + (info == null ? 0 : info.length()) <= longestBase
                        && bases.contains(path(request)));
    }

    /** The request's path after the base and its slash: {@code call/hello/}, or empty for the base itself. */
    private String underBase(HttpServletRequest request) {
        String path = path(request);
        for (String base : bases) {
            if (!base.endsWith("/")
                    && path.startsWith(base)
                    && (path.length() == base.length() || path.charAt(base.length()) == '/')) {
                return path.substring(Math.min(path.length(), base.length() + 1));
            }
        }
        return path;
    }

    private static String path(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null ? request.getServletPath() : request.getServletPath() + info;
    }
}
