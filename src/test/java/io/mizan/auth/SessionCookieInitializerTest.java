package io.mizan.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.inprocess.ApplicationSettings;
import io.mizan.inprocess.FakeHttp;
import io.mizan.messages.LogCapture;
import jakarta.servlet.SessionTrackingMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When the application starts with the sign-in functions on, its session cookie is made
 * {@code HttpOnly} and {@code SameSite=Lax} (unless the application chose a {@code SameSite}), sessions
 * are tracked by the cookie alone where the cookie is a way they are tracked, and on Undertow without
 * the file that sets {@code SameSite} there, Mizan says so; with the functions off, or a malformed
 * setting, nothing is changed.
 */
class SessionCookieInitializerTest {

    private static final Map<String, String> ON = Map.of("mizan.auth.functions", "true");

    /** The application's class loader, with its own configuration. */
    private final ApplicationSettings settings = new ApplicationSettings();

    private final ClassLoader application = settings.loader;

    private final FakeHttp.Context context = new FakeHttp.Context();

    {
        context.classLoader = application;
    }

    @AfterEach
    void forget() {
        settings.release();
    }

    /** Starts the application with these settings; what Mizan logged meanwhile. */
    private List<String> start(Map<String, String> config) {
        settings.set(config);
        try (LogCapture log = LogCapture.of("io.mizan.auth")) {
            new SessionCookieInitializer().onStartup(Set.of(), context.build());
            return log.messages();
        }
    }

    @Test
    void withTheFunctionsOnTheCookieIsHttpOnlyLaxAndTheOnlyWayASessionIsFound() {
        assertEquals(List.of(), start(ON));

        assertTrue(context.cookie.isHttpOnly());
        assertEquals("Lax", context.cookie.getAttribute("SameSite"));
        assertFalse(context.cookie.isSecure(), "Secure stays as the container sets it");
        assertEquals(Set.of(SessionTrackingMode.COOKIE), context.trackingModes, "no ;jsessionid= in a URL");
    }

    @Test
    void theApplicationsOwnSameSiteIsKept() {
        context.cookie.setAttribute("SameSite", "Strict");

        start(ON);

        assertEquals("Strict", context.cookie.getAttribute("SameSite"));
        assertTrue(context.cookie.isHttpOnly());
    }

    @Test
    void sessionsTrackedOtherwiseThanByTheCookieAreLeftSo() {
        context.effectiveTrackingModes = EnumSet.of(SessionTrackingMode.URL);

        start(ON);

        assertNull(context.trackingModes, "not switched to a cookie the application does not use");
        assertTrue(context.cookie.isHttpOnly());
    }

    @Test
    void offOrMalformedChangesNothing() {
        for (Map<String, String> config : List.of(
                Map.<String, String>of(),
                Map.of("mizan.auth.functions", "false"),
                Map.of("mizan.auth.functions", "yes"))) {
            context.serverInfo = "Undertow - 2.3.10.Final";
            assertEquals(List.of(), start(config), config::toString);
            forget();

            assertFalse(context.cookie.isHttpOnly(), config::toString);
            assertNull(context.cookie.getAttribute("SameSite"), config::toString);
            assertNull(context.trackingModes, config::toString);
        }
    }

    @Test
    void onUndertowWithoutItsHandlersFileMizanSaysSameSiteIsNotSent() {
        context.serverInfo = "Undertow - 2.3.10.Final";
        assertEquals(List.of("MIZAN-146"), ids(start(ON)));
    }

    @Test
    void onWildFlyWithoutItsHandlersFileMizanSaysSameSiteIsNotSent() {
        context.serverInfo = "WildFly Full 31.0.0.Final (WildFly Core 23.0.1.Final)";
        assertEquals(List.of("MIZAN-146"), ids(start(ON)));
    }

    @Test
    void onUndertowWithItsHandlersFileNothingIsSaid() {
        context.serverInfo = "Undertow - 2.3.10.Final";
        context.resources.add("/WEB-INF/undertow-handlers.conf");
        assertEquals(List.of(), start(ON));
    }

    @Test
    void otherServersSendSameSiteThemselvesAndNothingIsSaid() {
        context.serverInfo = "Payara Server 6.2024.6 #badassfish";
        assertEquals(List.of(), start(ON));
    }

    private static List<String> ids(List<String> messages) {
        return messages.stream().map(m -> m.substring(0, m.indexOf(' '))).toList();
    }
}
