package io.mizan.auth;

import io.mizan.config.MizanSettings;
import io.mizan.messages.Messages;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.MalformedURLException;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * With the sign-in functions on, the session cookie is {@code HttpOnly} (no script has any business
 * with a session id) and {@code SameSite=Lax} unless the application set a {@code SameSite} of its
 * own (in {@code web.xml} or earlier): a cross-site request then carries no session, the second guard
 * against login CSRF after the origin check. {@code Secure} stays as the container sets it. The
 * session is tracked by the cookie alone: a {@code ;jsessionid=} in a URL is not read.
 *
 * <p>{@code auth.login} sends the new session's cookie again with these attributes, which is enough
 * on Payara. WildFly's Undertow writes its own session cookie after every other header, so that
 * browsers keep the container's: there {@code HttpOnly} comes from this configuration, but Undertow
 * 2.3 ignores the {@code SameSite} attribute of {@code SessionCookieConfig}; WildFly's own way is a
 * {@code WEB-INF/undertow-handlers.conf} holding {@code samesite-cookie(mode=Lax)}, and without one
 * Mizan says so at start ({@code MIZAN-146}).
 */
public class SessionCookieInitializer implements ServletContainerInitializer {

    private static final Logger LOG = Logger.getLogger(SessionCookieInitializer.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        boolean on;
        try {
            on = MizanSettings.from(ConfigProvider.getConfig(context.getClassLoader()))
                    .signIn()
                    .functions();
        } catch (RuntimeException e) {
            return; // a malformed setting fails the deployment in MizanExtension, with its message
        }
        if (on) {
            SessionCookieConfig cookie = context.getSessionCookieConfig();
            cookie.setHttpOnly(true);
            if (cookie.getAttribute("SameSite") == null) {
                cookie.setAttribute("SameSite", "Lax");
            }
            if (context.getEffectiveSessionTrackingModes().contains(SessionTrackingMode.COOKIE)) {
                // a session id in a URL (;jsessionid=) has none of the cookie's guards and leaks
                // through logs and Referer: the cookie is the only way a session is found
                context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
            }
            if (undertow(context) && !hasResource(context, "/WEB-INF/undertow-handlers.conf")) {
                LOG.warning(Messages.sessionCookieWithoutSameSite());
            }
        }
    }

    /** Whether the servlet container is Undertow (WildFly, JBoss EAP), which names itself so. */
    private static boolean undertow(ServletContext context) {
        String info = String.valueOf(context.getServerInfo());
        return info.contains("Undertow") || info.contains("WildFly");
    }

    private static boolean hasResource(ServletContext context, String path) {
        try {
            return context.getResource(path) != null;
        } catch (MalformedURLException e) {
            return false;
        }
    }
}
