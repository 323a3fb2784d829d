package io.mizan.auth;

import io.mizan.config.MizanSettings;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Set;

/**
 * With the sign-in functions on, the session cookie is {@code SameSite=Lax} unless the application
 * set a {@code SameSite} of its own (in {@code web.xml} or earlier): a cross-site request then carries
 * no session, the second guard against login CSRF after the origin check. {@code HttpOnly} and
 * {@code Secure} stay as the container sets them.
 */
public class SessionCookieInitializer implements ServletContainerInitializer {

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
            if (cookie.getAttribute("SameSite") == null) {
                cookie.setAttribute("SameSite", "Lax");
            }
        }
    }
}
