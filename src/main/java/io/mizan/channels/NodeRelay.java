package io.mizan.channels;

import java.util.List;
import java.util.Map;

/**
 * What this node tells the other nodes of the application, and how it hears them: broadcasts,
 * invalidations and presence counts. One node alone has nothing to tell ({@link #ALONE}); with
 * {@code mizan.channels.redis.uri} set, a relay through Redis pub/sub.
 *
 * <p>The promise is at most once, in order per group per publishing node: a relay delivers what it
 * hears in the order each node sent it, and drops what was sent while it could not hear, after
 * which it calls {@link Local#resync()}.
 */
public interface NodeRelay extends AutoCloseable {

    /** One node alone. */
    NodeRelay ALONE = new NodeRelay() {
        @Override
        public void start(Local local) {}

        @Override
        public void message(String channel, String group, String dataJson) {}

        @Override
        public void invalidation(List<String> keys) {}

        @Override
        public void presence(String channel, String group, String user, int sockets) {}

        @Override
        public Map<String, Integer> remotePresence(String channel, String group) {
            return Map.of();
        }

        @Override
        public void close() {}
    };

    /** Starts relaying: what other nodes send reaches {@code local} from now on. */
    void start(Local local);

    /** A message this node broadcast to a group, already delivered to its own members. */
    void message(String channel, String group, String dataJson);

    /** Invalidation keys this node produced, already pushed to its own sockets. */
    void invalidation(List<String> keys);

    /** This node now has {@code sockets} sockets of {@code user} ({@code null}: anonymous) in a presence group. */
    void presence(String channel, String group, String user, int sockets);

    /** The sockets the other nodes have in a presence group, by user ({@code null}: anonymous). */
    Map<String, Integer> remotePresence(String channel, String group);

    /** Stops relaying; this node's presence leaves the others. */
    @Override
    void close();

    /** What a relay tells this node's channels. */
    interface Local {

        /** A message another node broadcast to a group. */
        void message(String channel, String group, String dataJson);

        /** Invalidation keys another node produced. */
        void invalidation(List<String> keys);

        /** The other nodes now have {@code sockets} sockets of {@code user} in a presence group, together. */
        void remotePresence(String channel, String group, String user, int sockets);

        /** The relay could not hear for a while: what was sent meanwhile is lost, pages must refetch. */
        void resync();

        /** This node's presence, told again after a gap: each group's users and their sockets here. */
        void forEachPresence(PresenceVisitor visitor);
    }

    /** One user's sockets in one presence group of this node. */
    @FunctionalInterface
    interface PresenceVisitor {
        void visit(String channel, String group, String user, int sockets);
    }
}
