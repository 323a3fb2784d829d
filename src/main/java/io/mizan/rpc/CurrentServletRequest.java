package io.mizan.rpc;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The servlet request this thread is serving, as it passes the end of the application's filters. The
 * resource reads its headers, query, scheme and user principal from here: JAX-RS resolves an injected
 * {@code HttpServletRequest} through its request scope on every request (about 6% of a small call's CPU
 * on Payara), and a thread-local read costs nothing. Functions that take a request still get the one
 * JAX-RS hands them.
 *
 * <p>A filter, registered when the application starts (as a {@link ServletContainerInitializer} listed
 * in {@code META-INF/services}) after the filters of {@code web.xml}, for requests, forwards and
 * includes; each dispatch sees its own request, and the one before is back when it returns.
 */
public final class CurrentServletRequest implements ServletContainerInitializer, Filter {

    private static final ThreadLocal<HttpServletRequest> CURRENT = new ThreadLocal<>();

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        FilterRegistration.Dynamic filter = context.addFilter("mizan-current-request", CurrentServletRequest.class);
        if (filter != null) {
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(
                    EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.INCLUDE), true, "/*");
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http)) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest outer = CURRENT.get();
        CURRENT.set(http);
        try {
            chain.doFilter(request, response);
        } finally {
            // set, not removed: the thread keeps its entry for its next request, and null holds nothing
            CURRENT.set(outer);
        }
    }

    /** The request this thread serves, or {@code null} outside one (or where the filter did not run). */
    static HttpServletRequest get() {
        return CURRENT.get();
    }
}
