package io.mizan.channels;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The groups of this node, each with its members and, for channels with presence, who is there on
 * every node. Joins, leaves and other nodes' presence changes of one group are serialized (presence
 * frames must be consistent); broadcasts are not: they read the member set as it is and only queue
 * frames. This node's presence changes are told to the relay in the same order.
 */
final class GroupRegistry {

    private static final class Group {
        final String channel;
        final String name;
        final Set<Membership> members = ConcurrentHashMap.newKeySet();
        final Presence presence = new Presence();

        Group(String channel, String name) {
            this.channel = channel;
            this.name = name;
        }
    }

    private final Map<String, Group> groups = new ConcurrentHashMap<>();
    private final NodeRelay relay;

    GroupRegistry(NodeRelay relay) {
        this.relay = relay;
    }

    static String key(String channel, String group) {
        return channel + '\u0000' + group;
    }

    /**
     * Adds a join to its group and tells it it joined; with presence, sends it everyone and tells the
     * others what changed.
     */
    void add(Membership join) {
        while (true) {
            Group group = groups.computeIfAbsent(
                    join.groupKey(), k -> new Group(join.channel().name(), join.group()));
            synchronized (group) {
                if (groups.get(join.groupKey()) != group) {
                    continue; // emptied and dropped by a leave meanwhile: join the one in the map
                }
                add(group, join);
                return;
            }
        }
    }

    private void add(Group group, Membership join) {
        boolean first = group.members.isEmpty();
        group.members.add(join);
        join.socket().send(ChannelFrames.joined(join.refJson()));
        if (!join.channel().presence()) {
            return;
        }
        if (first) { // who is there on other nodes: kept up to date from here on, while the group lives
            group.presence.remote(relay.remotePresence(group.channel, group.name));
        }
        String user = join.socket().user;
        Presence.Member changed = group.presence.add(user, join.socket().id);
        join.socket().send(ChannelFrames.presence(join.refJson(), group.presence.members()));
        if (changed != null) {
            relay.presence(group.channel, group.name, user, group.presence.local(user));
            for (Membership other : group.members) {
                if (other != join) {
                    other.socket().send(ChannelFrames.presenceDiff(other.refJson(), List.of(changed), List.of()));
                }
            }
        }
    }

    /** Removes a join from its group; with presence, tells the others what changed. */
    void remove(Membership join) {
        Group group = groups.get(join.groupKey());
        if (group == null) {
            return;
        }
        synchronized (group) {
            if (!group.members.remove(join)) {
                return;
            }
            if (join.channel().presence() && !stillIn(group, join.socket())) {
                String user = join.socket().user;
                Presence.Member changed = group.presence.remove(user, join.socket().id);
                if (changed != null) {
                    relay.presence(group.channel, group.name, user, group.presence.local(user));
                    tellMembers(group, changed, false);
                }
            }
            if (group.members.isEmpty()) {
                groups.remove(join.groupKey(), group);
            }
        }
    }

    /** Other nodes now have {@code sockets} sockets of a user in a group: members here hear of the change. */
    void remotePresence(String channel, String name, String user, int sockets) {
        Group group = groups.get(key(channel, name));
        if (group == null) {
            return; // no member here: read from the relay when one joins
        }
        synchronized (group) {
            if (groups.get(key(channel, name)) != group) {
                return;
            }
            int before = group.presence.total(user);
            Presence.Member changed = group.presence.remote(user, sockets);
            if (changed != null) {
                tellMembers(group, changed, changed.sockets() > before);
            }
        }
    }

    private static void tellMembers(Group group, Presence.Member changed, boolean joined) {
        List<Presence.Member> change = List.of(changed);
        for (Membership other : group.members) {
            other.socket()
                    .send(
                            joined
                                    ? ChannelFrames.presenceDiff(other.refJson(), change, List.of())
                                    : ChannelFrames.presenceDiff(other.refJson(), List.of(), change));
        }
    }

    /** This node's presence, group by group. */
    void forEachPresence(NodeRelay.PresenceVisitor visitor) {
        for (Group group : groups.values()) {
            synchronized (group) {
                group.presence
                        .locals()
                        .forEach((user, sockets) -> visitor.visit(group.channel, group.name, user, sockets));
            }
        }
    }

    private static boolean stillIn(Group group, ChannelSocket socket) {
        for (Membership m : group.members) {
            if (m.socket() == socket) {
                return true;
            }
        }
        return false;
    }

    /**
     * Queues a message, encoded once, to every member of a group; returns how many there were. Each
     * frame carries its join's ref, but most joins share one (every page's first join is "1"), so a
     * frame is built once per distinct ref in a row, not once per member.
     */
    int broadcast(String channel, String group, String dataJson) {
        Group g = groups.get(key(channel, group));
        if (g == null) {
            return 0;
        }
        int sent = 0;
        String ref = null;
        String frame = null;
        for (Membership member : g.members) {
            if (!member.refJson().equals(ref)) {
                ref = member.refJson();
                frame = ChannelFrames.message(ref, dataJson);
            }
            member.socket().send(frame);
            sent++;
        }
        return sent;
    }
}
