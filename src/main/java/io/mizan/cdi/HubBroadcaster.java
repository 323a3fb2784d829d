package io.mizan.cdi;

import io.mizan.Broadcaster;
import io.mizan.ChannelHandler;
import io.mizan.channels.ChannelHub;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The {@link Broadcaster} users inject: the channel hub of this node. */
@ApplicationScoped
public class HubBroadcaster implements Broadcaster {

    private final ChannelHub hub;

    @Inject
    public HubBroadcaster(ChannelHub hub) {
        this.hub = hub;
    }

    /** For the container's proxy only. */
    protected HubBroadcaster() {
        this(null);
    }

    @Override
    public <M> void send(Class<? extends ChannelHandler<?, M>> channel, String group, M message) {
        hub.broadcast(channel, group, message);
    }
}
