package io.mizan.channels;

import java.util.List;
import java.util.Set;

/**
 * What the other nodes tell this one, through the relay: their broadcasts and invalidations reach
 * this node's sockets, their presence joins this node's, and after a gap every socket is told to resync.
 */
final class FromOtherNodes implements NodeRelay.Local {

    private final GroupRegistry groups;
    private final LiveInvalidation live;
    private final Set<ChannelSocket> open;

    FromOtherNodes(GroupRegistry groups, LiveInvalidation live, Set<ChannelSocket> open) {
        this.groups = groups;
        this.live = live;
        this.open = open;
    }

    @Override
    public void message(String channel, String group, String dataJson) {
        groups.broadcast(channel, group, dataJson);
    }

    @Override
    public void invalidation(List<String> keys) {
        live.invalidate(keys, open);
    }

    @Override
    public void remotePresence(String channel, String group, String user, int sockets) {
        groups.remotePresence(channel, group, user, sockets);
    }

    @Override
    public void resync() {
        String frame = ChannelFrames.resync();
        for (ChannelSocket socket : open) {
            socket.send(frame);
        }
    }

    @Override
    public void forEachPresence(NodeRelay.PresenceVisitor visitor) {
        groups.forEachPresence(visitor);
    }
}
