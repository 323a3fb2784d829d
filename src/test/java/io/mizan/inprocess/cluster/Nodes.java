package io.mizan.inprocess.cluster;

import io.mizan.channels.ChannelHub;
import io.mizan.inprocess.InProcess;
import io.mizan.inprocess.channels.live.BoardChannel;
import io.mizan.inprocess.channels.live.Boards;
import io.mizan.inprocess.channels.messages.ChatChannel;
import io.mizan.inprocess.channels.presence.LobbyChannel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Nodes of one application in this JVM: each its own Weld container with the running core, all
 * sharing one Redis under a prefix of their own (so that tests do not hear each other), with a time
 * to live of 2 seconds.
 */
final class Nodes implements AutoCloseable {

    static final int TTL_SECONDS = 2;

    final String prefix = "test-" + UUID.randomUUID();
    private final List<InProcess.Deployment> started = new ArrayList<>();

    /** A node of the application reaching Redis at this URI. */
    ChannelHub start(String redisUri) {
        return deploy(redisUri).bean(ChannelHub.class);
    }

    /** A node, as its deployment (to call functions on it, or to stop it). */
    InProcess.Deployment deploy(String redisUri) {
        return deploy(redisUri, Map.of());
    }

    /** A node with more settings. */
    InProcess.Deployment deploy(String redisUri, Map<String, String> settings) {
        Map<String, String> config = new java.util.HashMap<>(settings);
        config.put("mizan.channels.redis.uri", redisUri);
        config.put("mizan.channels.redis.prefix", prefix);
        config.put("mizan.channels.redis.node-ttl-seconds", String.valueOf(TTL_SECONDS));
        InProcess.Deployment node =
                InProcess.start(config, ChatChannel.class, LobbyChannel.class, Boards.class, BoardChannel.class);
        started.add(node);
        return node;
    }

    @Override
    public void close() {
        for (InProcess.Deployment node : started) {
            node.close();
        }
    }
}
