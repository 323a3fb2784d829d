package io.mizan.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mizan.cluster.RemotePresence.Change;
import io.mizan.cluster.RemotePresence.Count;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

class RemotePresenceTest {

    private final RemotePresence presence = new RemotePresence();

    private static Count count(String node, String user, int sockets, long seq) {
        return new Count(node, "lobby", "hall", user, sockets, seq);
    }

    private static Change change(String user, int sockets) {
        return new Change("lobby", "hall", user, sockets);
    }

    @Test
    void countsOfEveryNodeAddUpAndOnlyMovesAreReported() {
        assertEquals(List.of(change("ann", 1)), presence.apply(count("a", "ann", 1, 1)));
        assertEquals(List.of(change("ann", 3)), presence.apply(count("b", "ann", 2, 1)));
        assertEquals(List.of(change(null, 1)), presence.apply(count("b", null, 1, 2)));
        Map<String, Integer> expected = new HashMap<>();
        expected.put("ann", 3);
        expected.put(null, 1);
        assertEquals(expected, presence.totals("lobby", "hall"));
        assertEquals(Map.of(), presence.totals("lobby", "garden"));
        assertEquals(Map.of(), presence.totals("chat", "hall"));

        assertEquals(List.of(change("ann", 2)), presence.apply(count("a", "ann", 0, 2)));
        assertEquals(List.of(), presence.apply(count("a", "ann", 0, 3)), "nothing moved");
        assertEquals(Set.of("b"), presence.nodes(), "a node without members is not kept");
    }

    @Test
    void anOlderCountNeverOverwritesANewerOne() {
        presence.apply(count("a", "ann", 2, 5));
        assertEquals(List.of(), presence.apply(count("a", "ann", 1, 4)));
        assertEquals(List.of(), presence.apply(count("a", "ann", 7, 5)), "the same change heard twice");
        assertEquals(Map.of("ann", 2), presence.totals("lobby", "hall"));
        assertEquals(List.of(change("ann", 1)), presence.apply(count("a", "ann", 1, 6)));
    }

    @Test
    void aDroppedNodesMembersLeave() {
        presence.apply(count("a", "ann", 1, 1));
        presence.apply(count("b", "ann", 1, 1));
        presence.apply(count("b", "bob", 2, 2));
        presence.apply(new Count("b", "lobby", "garden", "bob", 1, 3));
        List<Change> changes = presence.dropNode("b");
        assertEquals(
                Set.of(change("ann", 1), change("bob", 0), new Change("lobby", "garden", "bob", 0)),
                Set.copyOf(changes));
        assertEquals(3, changes.size());
        assertEquals(Set.of("a"), presence.nodes());
        assertEquals(Map.of(), presence.totals("lobby", "garden"));
        assertEquals(List.of(), presence.dropNode("b"), "dropped already");
        assertEquals(List.of(), presence.dropNode("nobody"));
    }

    @Test
    void aSnapshotReplacesEverythingAndReportsWhatMoved() {
        presence.apply(count("a", "ann", 1, 1));
        presence.apply(count("a", "bob", 1, 2));
        presence.apply(count("b", "cy", 1, 1));
        List<Change> changes = presence.replace(
                List.of(
                        count("a", "ann", 1, 1), // unchanged
                        count("a", "bob", 3, 9), // more sockets
                        count("c", "dee", 1, 1), // new node
                        count("c", "eve", 0, 2)), // a count of none is no member
                node -> true);
        // cy's node is not in the snapshot: gone
        assertEquals(Set.of(change("bob", 3), change("cy", 0), change("dee", 1)), Set.copyOf(changes));
        assertEquals(3, changes.size());
        assertEquals(Map.of("ann", 1, "bob", 3, "dee", 1), presence.totals("lobby", "hall"));
        assertEquals(Set.of("a", "c"), presence.nodes());
        assertEquals(List.of(), presence.apply(count("a", "bob", 1, 8)), "older than the snapshot's");
    }

    @Test
    void aSnapshotLeavesTheNodesItIsNotAboutAsTheyWere() {
        presence.apply(count("a", "ann", 1, 1));
        presence.apply(count("b", "bob", 1, 1));
        presence.apply(count("b", "cy", 2, 2));
        // Redis came back empty and only a has told it again: b is kept until it can do so too
        List<Change> changes = presence.replace(List.of(count("a", "ann", 2, 5)), node -> !node.equals("b"));
        assertEquals(List.of(change("ann", 2)), changes);
        assertEquals(Map.of("ann", 2, "bob", 1, "cy", 2), presence.totals("lobby", "hall"));

        // b is back, without cy (who left meanwhile) and with one socket of bob's: exactly its counts
        List<Change> back =
                presence.replace(List.of(count("b", "bob", 1, 9), count("a", "ann", 7, 9)), node -> node.equals("b"));
        assertEquals(List.of(change("cy", 0)), back, "a's count is not b's to replace");
        assertEquals(Map.of("ann", 2, "bob", 1), presence.totals("lobby", "hall"));
        assertEquals(Set.of("a", "b"), presence.nodes());
    }
}
