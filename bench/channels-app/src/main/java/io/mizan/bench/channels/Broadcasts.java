package io.mizan.bench.channels;

import io.mizan.Broadcaster;
import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The Mizan triggers: POST /api/mizan/call/broadcast, /api/mizan/call/broadcastTo and /api/mizan/call/flood. */
@ApplicationScoped
public class Broadcasts {

    @Inject
    Broadcaster broadcaster;

    /** Sends {@code count} messages numbered from {@code from} to the room "bench", as fast as it can. */
    @Client
    public int broadcast(long from, int count) {
        return send("room_bench", from, count);
    }

    /**
     * The same to the room {@code room}: the benchmark of many nodes keeps two fleets in two rooms, and
     * with Redis configured the messages reach the room's members on every node.
     */
    @Client
    public int broadcastTo(String room, long from, int count) {
        return send("room_" + room, from, count);
    }

    private int send(String group, long from, int count) {
        for (int i = 0; i < count; i++) {
            broadcaster.send(RoomChannel.class, group, new Tick(from + i, System.nanoTime(), ""));
        }
        return count;
    }

    /** Sends {@code count} messages of {@code size} characters to the room "hole", which only the stalled socket joins. */
    @Client
    public int flood(int count, int size) {
        String pad = "x".repeat(size);
        for (int i = 0; i < count; i++) {
            broadcaster.send(RoomChannel.class, "room_hole", new Tick(i, System.nanoTime(), pad));
        }
        return count;
    }
}
