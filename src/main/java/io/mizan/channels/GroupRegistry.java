package io.mizan.channels;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The groups of this node, each with its members and, for channels with presence, who is there.
 * Joins and leaves of one group are serialized (presence frames must be consistent); broadcasts are
 * not: they read the member set as it is and only queue frames.
 */
final class GroupRegistry {

    private static final class Group {
        final Set<Membership> members = ConcurrentHashMap.newKeySet();
        final Presence presence = new Presence();
    }

    private final Map<String, Group> groups = new ConcurrentHashMap<>();

    static String key(String channel, String group) {
        return channel + '\u0000' + group;
    }

    /**
     * Adds a join to its group and tells it it joined; with presence, sends it everyone and tells the
     * others what changed.
     */
    void add(Membership join) {
        while (true) {
            Group group = groups.computeIfAbsent(join.groupKey(), k -> new Group());
            synchronized (group) {
                if (groups.get(join.groupKey()) != group) {
                    continue; // emptied and dropped by a leave meanwhile: join the one in the map
                }
                add(group, join);
                return;
            }
        }
    }

    private static void add(Group group, Membership join) {
        group.members.add(join);
        join.socket().send(ChannelFrames.joined(join.refJson()));
        if (!join.channel().presence()) {
            return;
        }
        Presence.Member changed = group.presence.add(join.socket().user, join.socket().id);
        join.socket().send(ChannelFrames.presence(join.refJson(), group.presence.members()));
        if (changed != null) {
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
                Presence.Member changed = group.presence.remove(join.socket().user, join.socket().id);
                if (changed != null) {
                    for (Membership other : group.members) {
                        other.socket().send(ChannelFrames.presenceDiff(other.refJson(), List.of(), List.of(changed)));
                    }
                }
            }
            if (group.members.isEmpty()) {
                groups.remove(join.groupKey(), group);
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
