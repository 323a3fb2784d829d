package io.mizan.channels;

import io.mizan.security.ContainerCaller;
import io.mizan.security.OriginPolicy;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.security.Principal;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The handshake of the page's WebSocket: checks its origin (a second line behind
 * {@link HandshakeOriginFilter}), records the caller with every role the application names, and
 * creates the endpoint.
 */
final class ChannelConfigurator extends ServerEndpointConfig.Configurator {

    private final OriginPolicy origins;
    private final Supplier<ChannelHub> hub;
    private final Supplier<Set<String>> roles;
    private final int maxFrameBytes;

    ChannelConfigurator(
            OriginPolicy origins, Supplier<ChannelHub> hub, Supplier<Set<String>> roles, int maxFrameBytes) {
        this.origins = origins;
        this.hub = hub;
        this.roles = roles;
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * Lets through what the filter let through. Where the filter did not run (a container whose
     * filters do not see upgrades), only the origins named in settings pass: set
     * {@code mizan.public-origin} there.
     */
    @Override
    public boolean checkOrigin(String origin) {
        return HandshakeOriginFilter.decided()
                || origin == null
                || origins.refusal(name -> name.equalsIgnoreCase("Origin") ? origin : null, "https") == null;
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Set<String> held = new TreeSet<>();
        Principal caller = ContainerCaller.signedIn(request.getUserPrincipal());
        if (caller != null) {
            for (String role : roles.get()) {
                if (request.isUserInRole(role)) {
                    held.add(role);
                }
            }
        }
        config.getUserProperties().put(ChannelEndpoint.CALLER, new HandshakeCaller(caller, held));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return (T) new ChannelEndpoint(hub, maxFrameBytes);
    }
}
