package io.mizan.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.inprocess.ApplicationSettings;
import io.mizan.inprocess.InProcess;
import io.mizan.inprocess.channels.messages.ChatChannel;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The page's WebSocket is set up when the application starts, unless {@code mizan.channels.enabled} is
 * false or a setting is malformed: the origin filter at once, on the socket's path, for requests and
 * async; the endpoint at that path once the context is initialized, if the container offers WebSocket
 * support, its configurator looking the hub and the known roles up through CDI when a socket opens.
 */
class ChannelsInitializerTest {

    static final Logger LOG = Logger.getLogger(ChannelsInitializer.class.getName());

    /** The application's class loader, with its own configuration. */
    private final ApplicationSettings settings = new ApplicationSettings();

    private final ClassLoader application = settings.loader;

    /** What the context was asked, in order. */
    private final List<String> asked = new ArrayList<>();

    private final List<ServletContextListener> listeners = new ArrayList<>();
    private final List<ServerEndpointConfig> endpoints = new ArrayList<>();
    private final Map<String, Object> attributes = new HashMap<>();

    private boolean nameTaken;
    private boolean endpointRefused;
    private InProcess.Deployment deployment;
    private Level level;

    @AfterEach
    void forget() {
        settings.release();
        if (deployment != null) {
            deployment.close();
        }
        if (level != null) {
            LOG.setLevel(level);
        }
    }

    private void quiet() {
        level = LOG.getLevel();
        LOG.setLevel(Level.OFF); // the problems are logged: expected here
    }

    private ServletContext context() {
        FilterRegistration.Dynamic registration = (FilterRegistration.Dynamic) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {FilterRegistration.Dynamic.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "setAsyncSupported" -> asked.add("async " + args[0]);
                        case "addMappingForUrlPatterns" -> asked.add(
                                "mapping " + args[0] + " " + args[1] + " " + Arrays.toString((String[]) args[2]));
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                    return null;
                });
        return (ServletContext) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ServletContext.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "getClassLoader":
                            return application;
                        case "addFilter":
                            asked.add("filter " + args[0] + " "
                                    + ((Filter) args[1]).getClass().getSimpleName());
                            return nameTaken ? null : registration;
                        case "addListener":
                            asked.add("listener");
                            listeners.add((ServletContextListener) args[0]);
                            return null;
                        case "getAttribute":
                            return attributes.get((String) args[0]);
                        case "setInitParameter":
                            asked.add("init " + args[0] + "=" + args[1]);
                            return true;
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
    }

    private ServerContainer container() {
        return (ServerContainer) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ServerContainer.class}, (proxy, m, args) -> {
                    if (!m.getName().equals("addEndpoint") || !(args[0] instanceof ServerEndpointConfig config)) {
                        throw new UnsupportedOperationException(m.getName());
                    }
                    if (endpointRefused) {
                        throw new DeploymentException("the path is taken");
                    }
                    endpoints.add(config);
                    return null;
                });
    }

    /** Starts the application with these settings, then initializes its context. */
    private void start(Map<String, String> config) {
        settings.set(config);
        ServletContext context = context();
        new ChannelsInitializer().onStartup(Set.of(), context);
        listeners.forEach(l -> l.contextInitialized(new ServletContextEvent(context)));
    }

    @Test
    void theFilterAndTheEndpointAreRegisteredAtTheSocketsPath() {
        attributes.put(ServerContainer.class.getName(), container());

        start(Map.of("mizan.channels.path", "/live"));

        assertEquals(
                List.of(
                        "filter mizan-websocket-origin HandshakeOriginFilter",
                        "async true",
                        "mapping " + EnumSet.of(DispatcherType.REQUEST) + " false [/live]",
                        "init org.glassfish.tyrus.servlet.incoming-buffer-size=131086",
                        "listener"),
                asked);
        assertEquals(1, endpoints.size());
        ServerEndpointConfig endpoint = endpoints.get(0);
        assertEquals("/live", endpoint.getPath());
        assertEquals(ChannelEndpoint.class, endpoint.getEndpointClass());
        assertInstanceOf(ChannelConfigurator.class, endpoint.getConfigurator());
    }

    @Test
    void tyrusReadsAFrameIntoABufferOfTwiceTheFrameLimit() {
        attributes.put(ServerContainer.class.getName(), container());

        start(Map.of("mizan.channels.max-frame-bytes", "1000"));

        assertTrue(asked.contains("init " + ChannelsInitializer.TYRUS_INCOMING_BUFFER + "=2014"), asked.toString());
    }

    @Test
    void theDefaultPathIsMizanWs() {
        attributes.put(ServerContainer.class.getName(), container());

        start(Map.of());

        assertEquals("/mizan/ws", endpoints.get(0).getPath());
    }

    @Test
    void aSocketOpenedThroughTheRegisteredEndpointReachesTheHubWithItsRoles() throws Exception {
        attributes.put(ServerContainer.class.getName(), container());
        deployment = InProcess.start(ChatChannel.class);
        start(Map.of("mizan.channels.max-frame-bytes", "100"));
        ServerEndpointConfig.Configurator configurator = endpoints.get(0).getConfigurator();

        Map<String, Object> properties = new HashMap<>();
        ServerEndpointConfig config = (ServerEndpointConfig) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ServerEndpointConfig.class},
                (proxy, m, args) -> m.getName().equals("getUserProperties") ? properties : null);
        Principal sam = () -> "sam";
        HandshakeRequest handshake = (HandshakeRequest) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {HandshakeRequest.class},
                (proxy, m, args) -> m.getName().equals("getUserPrincipal") ? sam : Boolean.TRUE);
        configurator.modifyHandshake(config, handshake, null);
        HandshakeCaller caller = (HandshakeCaller) properties.get(ChannelEndpoint.CALLER);
        assertSame(sam, caller.principal());

        FakeSession socket = new FakeSession();
        socket.properties.putAll(properties);
        ChannelEndpoint endpoint = configurator.getEndpointInstance(ChannelEndpoint.class);
        endpoint.onOpen(socket.session, null);

        assertEquals(100, socket.limits.get("setMaxTextMessageBufferSize"));
        assertEquals(1, deployment.bean(ChannelHub.class).openSockets());
        socket.text("{\"op\":\"join\",\"ref\":\"1\",\"channel\":\"chat\",\"params\":{\"room\":\"a\"}}");
        assertEquals(List.of("{\"op\":\"joined\",\"ref\":\"1\"}"), socket.sent);
    }

    @Test
    void withoutWebSocketSupportOnlyTheFilterIsRegistered() {
        quiet();

        start(Map.of());

        assertEquals(5, asked.size(), asked.toString()); // the filter, its two settings, the buffer, the listener
        assertEquals(List.of(), endpoints);
    }

    @Test
    void anEndpointTheContainerRefusesLeavesTheApplicationRunning() {
        quiet();
        endpointRefused = true;
        attributes.put(ServerContainer.class.getName(), container());

        start(Map.of());

        assertEquals(List.of(), endpoints);
    }

    @Test
    void aFilterOfTheSameNameIsLeftAloneAndTheEndpointStillRegistered() {
        nameTaken = true;
        attributes.put(ServerContainer.class.getName(), container());

        start(Map.of());

        assertEquals(
                List.of(
                        "filter mizan-websocket-origin HandshakeOriginFilter",
                        "init " + ChannelsInitializer.TYRUS_INCOMING_BUFFER + "=131086",
                        "listener"),
                asked);
        assertEquals(1, endpoints.size());
    }

    @Test
    void channelsSwitchedOffRegisterNothing() {
        start(Map.of("mizan.channels.enabled", "false"));

        assertEquals(List.of(), asked);
    }

    @Test
    void aMalformedSettingRegistersNothing() {
        start(Map.of("mizan.channels.max-frame-bytes", "-1"));

        assertEquals(List.of(), asked);
    }
}
