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
 * {@code null}), as Phoenix's presence counts them. Changes are reported as the member's new state,
 * so a diff says "bob now has 2 sockets" or "bob has 0: gone".
 */
final class Presence {

    /** A user and how many of its sockets are in the group. */
    record Member(String user, int sockets) {}

    static final Comparator<Member> ORDER =
            Comparator.comparing(Member::user, Comparator.nullsLast(Comparator.naturalOrder()));

    private final Map<String, Set<String>> sockets = new HashMap<>();

    /** Counts a socket in; the member's new state, or {@code null} when the socket was counted already. */
    Member add(String user, String socketId) {
        Set<String> of = sockets.computeIfAbsent(user, u -> new HashSet<>());
        return of.add(socketId) ? new Member(user, of.size()) : null;
    }

    /** Counts a socket out; what remains of the member, or {@code null} when it was not counted. */
    Member remove(String user, String socketId) {
        Set<String> of = sockets.get(user);
        if (of == null || !of.remove(socketId)) {
            return null;
        }
        if (of.isEmpty()) {
            sockets.remove(user);
        }
        return new Member(user, of.size());
    }

    /** Everyone, sorted by user, anonymous last. */
    List<Member> members() {
        List<Member> all = new ArrayList<>();
        sockets.forEach((user, of) -> all.add(new Member(user, of.size())));
        all.sort(ORDER);
        return all;
    }

    boolean isEmpty() {
        return sockets.isEmpty();
    }
}
