package io.mizan.cluster;

import io.mizan.channels.NodeRelay;
import io.mizan.messages.Messages;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * What the other nodes publish, applied to this node: their broadcasts and invalidations handed to its
 * channels, their presence counts kept in {@link RemotePresence} and its changes told. Runs on the
 * relay's applier thread, in the order the payloads arrived.
 */
final class RelayInbox {

    // logged under the relay's name, where its other lines are
    private static final Logger LOG = Logger.getLogger(RedisRelay.class.getName());

    private final String node;
    private final NodeRelay.Local local;
    private final RemotePresence remote;
    private final BooleanSupplier overflowed;
    private long lastUnreadableLog;

    /**
     * @param node this node's id: its own payloads come back, and are skipped
     * @param local this node's channels
     * @param remote the other nodes' presence counts
     * @param overflowed whether payloads were dropped since last asked: then this node's pages resync
     */
    RelayInbox(String node, NodeRelay.Local local, RemotePresence remote, BooleanSupplier overflowed) {
        this.node = node;
        this.local = local;
        this.remote = remote;
        this.overflowed = overflowed;
    }

    /** A payload published on the bus. */
    void heard(String text) {
        if (overflowed.getAsBoolean()) {
            local.resync();
        }
        RelayPayload payload;
        try {
            payload = RelayPayload.read(text);
        } catch (RelayPayload.Unreadable e) {
            long now = System.currentTimeMillis();
            if (now - lastUnreadableLog > 60_000) {
                lastUnreadableLog = now;
                LOG.warning(Messages.relayPayloadUnreadable(e.getMessage()));
            }
            return;
        }
        if (payload.node().equals(node)) {
            return; // this node's own: delivered here when it was sent
        }
        if (payload instanceof RelayPayload.Message m) {
            local.message(m.channel(), m.group(), m.dataJson());
        } else if (payload instanceof RelayPayload.Invalidation i) {
            local.invalidation(i.keys());
        } else if (payload instanceof RelayPayload.PresenceCount p) {
            tell(remote.apply(
                    new RemotePresence.Count(p.node(), p.channel(), p.group(), p.user(), p.sockets(), p.seq())));
        } else {
            tell(remote.dropNode(payload.node()));
        }
    }

    /** Tells this node's channels how the other nodes' presence changed. */
    void tell(List<RemotePresence.Change> changes) {
        for (RemotePresence.Change change : changes) {
            local.remotePresence(change.channel(), change.group(), change.user(), change.sockets());
        }
    }
}
