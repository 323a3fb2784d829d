package io.mizan.rpc;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Set;

/**
 * The servlet request this thread is serving, as the container began it. The resource reads its
 * headers, scheme and user principal from here: JAX-RS resolves an injected {@code HttpServletRequest}
 * through its request scope on every request (about 6% of a small call's CPU on Payara), and a
 * thread-local read costs nothing. Functions that take a request still get the one JAX-RS sees, with
 * whatever the application's filters wrapped around it.
 *
 * <p>Registered by the container when the application starts (as a {@link ServletContainerInitializer}
 * listed in {@code META-INF/services}); forgets the request when the container is done with it.
 */
public final class CurrentServletRequest implements ServletContainerInitializer, ServletRequestListener {

    private static final ThreadLocal<HttpServletRequest> CURRENT = new ThreadLocal<>();

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        context.addListener(CurrentServletRequest.class);
    }

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (event.getServletRequest() instanceof HttpServletRequest request) {
            CURRENT.set(request);
        }
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        CURRENT.remove();
    }

    /** The request this thread serves, or {@code null} outside one (or where no listener ran). */
    static HttpServletRequest get() {
        return CURRENT.get();
    }
}
