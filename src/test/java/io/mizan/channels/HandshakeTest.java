package io.mizan.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.inprocess.FakeHttp;
import io.mizan.security.OriginPolicy;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The WebSocket handshake: the origin filter refuses a foreign origin (403) and a session named in the
 * URL (400) as problem JSON before the upgrade, and lets the endpoint's own origin check pass what it let
 * through; without the filter, that check passes only the origins the settings name. The handshake
 * records the caller with the roles the application names that it holds, asked then and only for a
 * signed-in caller.
 */
class HandshakeTest {

    static final String APP = "https://app.example";

    final OriginPolicy origins = new OriginPolicy(List.of("https://partner.example"), APP, false);

    /** What the filter answered, over every handshake of a test. */
    final FakeHttp.Response response = new FakeHttp.Response();

    HttpServletRequest request(String origin, boolean sessionInUrl) {
        FakeHttp.Request request = new FakeHttp.Request("GET").scheme("https");
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (sessionInUrl) {
            request.sessionInUrl();
        }
        return request.build();
    }

    /** Runs the filter; what the chain saw of the endpoint's origin check, or null when it was not reached. */
    List<Boolean> handshake(String origin, boolean sessionInUrl) throws Exception {
        List<Boolean> reached = new ArrayList<>();
        ChannelConfigurator configurator = configurator(Set.of());
        FilterChain chain = (req, res) -> {
            reached.add(HandshakeOriginFilter.decided());
            reached.add(configurator.checkOrigin("https://evil.example"));
        };
        new HandshakeOriginFilter(origins).doFilter(request(origin, sessionInUrl), response.build(), chain);
        return reached;
    }

    JsonObject problem() {
        return Json.createReader(new StringReader(response.text())).readObject();
    }

    ChannelConfigurator configurator(Set<String> roles) {
        return new ChannelConfigurator(origins, () -> null, () -> roles, 1024);
    }

    @Test
    void aForeignOriginIsRefusedWith403BeforeTheUpgrade() throws Exception {
        assertTrue(handshake("https://evil.example", false).isEmpty(), "the chain is not run");

        assertEquals(403, response.status);
        assertEquals("application/problem+json", response.contentType);
        assertEquals(response.body.size(), response.contentLength);
        assertEquals("MIZAN-105", problem().getString("code"));
        assertEquals(403, problem().getInt("status"));
    }

    @Test
    void twoOriginsAreRefusedThoughTheFirstIsAllowedAsACallsAre() throws Exception {
        HttpServletRequest request = new FakeHttp.Request("GET")
                .scheme("https")
                .header("Origin", APP)
                .header("Origin", "https://evil.example")
                .build();
        List<Boolean> reached = new ArrayList<>();

        new HandshakeOriginFilter(origins).doFilter(request, response.build(), (req, res) -> reached.add(true));

        assertEquals(List.of(), reached, "the chain is not run");
        assertEquals(403, response.status);
        assertEquals("MIZAN-105", problem().getString("code"));
    }

    @Test
    void aSessionNamedInTheUrlIsRefusedWith400() throws Exception {
        assertTrue(handshake(APP, true).isEmpty(), "the chain is not run");

        assertEquals(400, response.status);
        assertEquals("MIZAN-123", problem().getString("code"));
    }

    @Test
    void whatTheFilterLetsThroughTheEndpointsCheckPassesOnThatThreadOnly() throws Exception {
        assertEquals(List.of(true, true), handshake(APP, false));
        assertEquals(List.of(true, true), handshake("https://partner.example", false));
        assertEquals(List.of(true, true), handshake(null, false), "no Origin: not a browser's cross-site request");

        assertFalse(response.answered(), "nothing answered by the filter");
        assertFalse(HandshakeOriginFilter.decided(), "forgotten once the handshake is through");
    }

    @Test
    void withoutTheFilterTheEndpointPassesOnlyTheOriginsOfTheSettings() {
        ChannelConfigurator configurator = configurator(Set.of());

        assertTrue(configurator.checkOrigin(APP));
        assertTrue(configurator.checkOrigin("https://partner.example"));
        assertTrue(configurator.checkOrigin(null));
        assertFalse(configurator.checkOrigin("https://evil.example"));
    }

    /** A handshake of this principal, holding these roles; the roles asked are recorded. */
    HandshakeRequest handshakeOf(Principal principal, Set<String> held, List<String> asked) {
        return (HandshakeRequest) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {HandshakeRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getUserPrincipal" -> principal;
                    case "isUserInRole" -> {
                        asked.add((String) args[0]);
                        yield held.contains((String) args[0]);
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    HandshakeCaller recorded(Principal principal, Set<String> held, List<String> asked) {
        Map<String, Object> properties = new java.util.HashMap<>();
        ServerEndpointConfig config = (ServerEndpointConfig) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ServerEndpointConfig.class},
                (proxy, m, args) -> m.getName().equals("getUserProperties") ? properties : null);
        configurator(Set.of("admin", "guest", "staff"))
                .modifyHandshake(config, handshakeOf(principal, held, asked), null);
        return assertInstanceOf(HandshakeCaller.class, properties.get(ChannelEndpoint.CALLER));
    }

    @Test
    void theCallerIsRecordedWithTheRolesItHolds() {
        Principal sam = () -> "sam";
        List<String> asked = new ArrayList<>();

        HandshakeCaller caller = recorded(sam, Set.of("staff", "admin", "other"), asked);

        assertEquals(sam, caller.principal());
        assertTrue(caller.isInRole("staff"));
        assertTrue(caller.isInRole("admin"));
        assertFalse(caller.isInRole("guest"));
        assertFalse(caller.isInRole("other"), "a role the application never names reads as not held");
        assertEquals(List.of("admin", "guest", "staff"), asked.stream().sorted().toList());
    }

    @Test
    void nobodySignedInHoldsNoRoleAndIsNotAsked() {
        List<String> asked = new ArrayList<>();

        HandshakeCaller caller = recorded(null, Set.of("staff"), asked);
        HandshakeCaller nameless = recorded(() -> null, Set.of("staff"), asked);

        assertNull(caller.principal());
        assertFalse(caller.isInRole("staff"));
        assertNull(nameless.principal(), "a principal without a name stands for nobody");
        assertFalse(nameless.isInRole("staff"));
        assertEquals(List.of(), asked);
    }

    @Test
    void aHandshakeCallerKeepsItsOwnRolesAndTakesNobodyForNobody() {
        java.util.Set<String> roles = new java.util.HashSet<>(Set.of("staff"));
        HandshakeCaller caller = new HandshakeCaller(() -> "sam", roles);
        roles.add("admin");

        assertFalse(caller.isInRole("admin"), "the roles are copied at the handshake");
        assertNull(new HandshakeCaller(() -> null, Set.of()).principal());
        assertNull(new HandshakeCaller(null, Set.of()).principal());
    }

    @Test
    void eachSocketGetsAnEndpointOfItsOwn() {
        ChannelConfigurator configurator = configurator(Set.of());

        ChannelEndpoint one = configurator.getEndpointInstance(ChannelEndpoint.class);
        ChannelEndpoint two = configurator.getEndpointInstance(ChannelEndpoint.class);

        assertInstanceOf(ChannelEndpoint.class, one);
        assertNotSame(one, two);
    }
}
