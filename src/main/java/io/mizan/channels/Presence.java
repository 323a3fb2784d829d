package io.mizan.channels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is in one group: each user with the sockets it has there (anonymous sockets together under
 * {@code null}), as Phoenix's presence counts them. This node's sockets are known one by one; other
 * nodes' only as a count per user. Changes are reported as the member's new state, so a diff says
 * "bob now has 2 sockets" or "bob has 0: gone".
 */
final class Presence {

    /** A user and how many of its sockets are in the group, on every node. */
    record Member(String user, int sockets) {}

    static final Comparator<Member> ORDER =
            Comparator.comparing(Member::user, Comparator.nullsLast(Comparator.naturalOrder()));

    private final Map<String, Set<String>> sockets = new HashMap<>();
    private final Map<String, Integer> remote = new HashMap<>();

    /** Counts a socket of this node in; the member's new state, or {@code null} when the socket was counted already. */
    Member add(String user, String socketId) {
        Set<String> of = sockets.computeIfAbsent(user, u -> new HashSet<>());
        return of.add(socketId) ? new Member(user, of.size() + remoteOf(user)) : null;
    }

    /** Counts a socket of this node out; what remains of the member, or {@code null} when it was not counted. */
    Member remove(String user, String socketId) {
        Set<String> of = sockets.get(user);
        if (of == null || !of.remove(socketId)) {
            return null;
        }
        if (of.isEmpty()) {
            sockets.remove(user);
        }
        return new Member(user, of.size() + remoteOf(user));
    }

    /**
     * Sets the sockets other nodes have of a user; the member's new state, or {@code null} when it
     * did not change.
     */
    Member remote(String user, int count) {
        int before = remoteOf(user);
        if (count == before) {
            return null;
        }
        if (count > 0) {
            remote.put(user, count);
        } else {
            remote.remove(user);
        }
        return new Member(user, total(user));
    }

    /** Sets every other node's count at once (a group this node had no member of). */
    void remote(Map<String, Integer> counts) {
        remote.clear();
        counts.forEach((user, count) -> {
            if (count != null && count > 0) {
                remote.put(user, count);
            }
        });
    }

    /** This node's sockets of a user. */
    int local(String user) {
        Set<String> of = sockets.get(user);
        return of == null ? 0 : of.size();
    }

    /** A user's sockets on every node. */
    int total(String user) {
        return local(user) + remoteOf(user);
    }

    /** This node's users and their sockets. */
    Map<String, Integer> locals() {
        Map<String, Integer> all = new HashMap<>();
        sockets.forEach((user, of) -> all.put(user, of.size()));
        return all;
    }

    private int remoteOf(String user) {
        return remote.getOrDefault(user, 0);
    }

    /** Everyone, on every node, sorted by user, anonymous last. */
    List<Member> members() {
        Map<String, Integer> all = new HashMap<>(remote);
        sockets.forEach((user, of) -> all.merge(user, of.size(), Integer::sum));
        List<Member> members = new ArrayList<>();
        all.forEach((user, count) -> members.add(new Member(user, count)));
        members.sort(ORDER);
        return members;
    }
}
