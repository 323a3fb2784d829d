package io.mizan.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The other nodes' presence as this node knows it: for each presence group, each node's sockets of
 * each user, with the number of the node's change that set it, so that a stale count (a snapshot read
 * before a change that was heard already) never overwrites a newer one. Every change reports the
 * users whose total over the other nodes moved.
 */
final class RemotePresence {

    /** A group's user whose sockets on the other nodes, together, are now {@code sockets}. */
    record Change(String channel, String group, String user, int sockets) {}

    /** One node's count of one user in one group. */
    record Count(String node, String channel, String group, String user, int sockets, long seq) {}

    private record GroupKey(String channel, String group) {}

    private record Counted(int sockets, long seq) {}

    // group -> node -> user -> count
    private final Map<GroupKey, Map<String, Map<String, Counted>>> groups = new HashMap<>();

    /** Applies one node's count if it is newer than what is known. */
    synchronized List<Change> apply(Count count) {
        GroupKey key = new GroupKey(count.channel(), count.group());
        Map<String, Counted> users =
                groups.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(count.node(), n -> new HashMap<>());
        Counted known = users.get(count.user());
        if (known != null && known.seq() >= count.seq()) {
            return List.of();
        }
        int before = total(key, count.user());
        if (count.sockets() > 0) {
            users.put(count.user(), new Counted(count.sockets(), count.seq()));
        } else {
            users.remove(count.user());
        }
        prune(key, count.node());
        return changed(key, count.user(), before);
    }

    /** Forgets a node (it stopped, or stopped answering): its members leave. */
    synchronized List<Change> dropNode(String node) {
        List<Change> changes = new ArrayList<>();
        for (GroupKey key : new ArrayList<>(groups.keySet())) {
            Map<String, Counted> users = groups.get(key).get(node);
            if (users == null) {
                continue;
            }
            Map<String, Integer> before = new HashMap<>();
            users.keySet().forEach(user -> before.put(user, total(key, user)));
            groups.get(key).remove(node);
            before.forEach((user, was) -> changes.addAll(changed(key, user, was)));
            prune(key, null);
        }
        return changes;
    }

    /**
     * Replaces the counts of the nodes {@code replaced} accepts with those of {@code snapshot} (read
     * after a gap, when the changes heard meanwhile are lost); the others' stay as they were.
     */
    synchronized List<Change> replace(List<Count> snapshot, Predicate<String> replaced) {
        List<Count> counts =
                snapshot.stream().filter(c -> replaced.test(c.node())).toList();
        Map<GroupKey, Set<String>> touched = new HashMap<>();
        groups.forEach((key, nodes) -> nodes.forEach((node, users) -> {
            if (replaced.test(node)) {
                touched.computeIfAbsent(key, k -> new HashSet<>()).addAll(users.keySet());
            }
        }));
        counts.forEach(c -> touched.computeIfAbsent(new GroupKey(c.channel(), c.group()), k -> new HashSet<>())
                .add(c.user()));
        Map<GroupKey, Map<String, Integer>> before = new HashMap<>();
        touched.forEach((key, users) -> users.forEach(
                user -> before.computeIfAbsent(key, k -> new HashMap<>()).put(user, total(key, user))));
        for (GroupKey key : new ArrayList<>(groups.keySet())) {
            groups.get(key).keySet().removeIf(replaced);
            prune(key, null);
        }
        for (Count c : counts) {
            if (c.sockets() > 0) {
                groups.computeIfAbsent(new GroupKey(c.channel(), c.group()), k -> new HashMap<>())
                        .computeIfAbsent(c.node(), n -> new HashMap<>())
                        .put(c.user(), new Counted(c.sockets(), c.seq()));
            }
        }
        List<Change> changes = new ArrayList<>();
        before.forEach((key, users) -> users.forEach((user, was) -> changes.addAll(changed(key, user, was))));
        return changes;
    }

    /** The other nodes' sockets in a group, by user. */
    synchronized Map<String, Integer> totals(String channel, String group) {
        Map<String, Integer> totals = new HashMap<>();
        Map<String, Map<String, Counted>> nodes = groups.get(new GroupKey(channel, group));
        if (nodes != null) {
            nodes.values().forEach(users -> users.forEach((user, c) -> totals.merge(user, c.sockets(), Integer::sum)));
        }
        return totals;
    }

    /** The nodes that have members somewhere. */
    synchronized Set<String> nodes() {
        Set<String> nodes = new HashSet<>();
        groups.values().forEach(byNode -> nodes.addAll(byNode.keySet()));
        return nodes;
    }

    private int total(GroupKey key, String user) {
        Map<String, Map<String, Counted>> nodes = groups.get(key);
        if (nodes == null) {
            return 0;
        }
        int total = 0;
        for (Map<String, Counted> users : nodes.values()) {
            Counted c = users.get(user);
            total += c == null ? 0 : c.sockets();
        }
        return total;
    }

    private List<Change> changed(GroupKey key, String user, int before) {
        int after = total(key, user);
        return after == before ? List.of() : List.of(new Change(key.channel(), key.group(), user, after));
    }

    private void prune(GroupKey key, String node) {
        Map<String, Map<String, Counted>> nodes = groups.get(key);
        if (nodes == null) {
            return;
        }
        if (node != null && nodes.containsKey(node) && nodes.get(node).isEmpty()) {
            nodes.remove(node);
        }
        if (nodes.isEmpty()) {
            groups.remove(key);
        }
    }

    @Override
    public synchronized String toString() {
        return Objects.toString(groups);
    }
}
