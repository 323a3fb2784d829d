package io.mizan.inprocess.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.inprocess.channels.ChannelClient;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Who a client believes is in its group, from the frames it was sent: the {@code presence} state,
 * then each {@code presence_diff} applied, as the client runtime does.
 */
final class PresenceView {

    private final ChannelClient client;
    private final Map<String, Integer> members = new TreeMap<>();
    private final List<List<String>> seen = new ArrayList<>();
    private final Set<String> ops = new HashSet<>();

    PresenceView(ChannelClient client) {
        this.client = client;
    }

    /** Applies what arrived until the members are these ({@code user:sockets}, sorted), waiting up to 10 s. */
    void awaitMembers(String... expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!List.of(expected).equals(members()) && System.nanoTime() < deadline) {
            takeAll();
        }
        assertEquals(List.of(expected), members(), "the members a client sees");
    }

    /** Applies what arrives until a frame of {@code op} has, waiting up to 10 s. */
    void awaitOp(String op) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!ops.contains(op) && System.nanoTime() < deadline) {
            takeAll();
        }
        assertTrue(ops.contains(op), "a " + op + " frame among " + ops);
    }

    /** Applies what arrives for {@code millis}. */
    void watch(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            takeAll();
        }
    }

    /** The members after each presence frame, in order. */
    List<List<String>> seen() {
        return seen;
    }

    private void takeAll() {
        for (JsonObject frame : client.take()) {
            apply(frame);
        }
        sleep();
    }

    private void apply(JsonObject frame) {
        ops.add(frame.getString("op"));
        switch (frame.getString("op")) {
            case "presence" -> {
                members.clear();
                set(frame.getJsonArray("members"));
            }
            case "presence_diff" -> {
                set(frame.getJsonArray("joins"));
                set(frame.getJsonArray("leaves"));
            }
            default -> {
                return;
            }
        }
        seen.add(members());
    }

    private void set(JsonArray changes) {
        for (JsonValue value : changes) {
            JsonObject member = value.asJsonObject();
            String user = member.isNull("user") ? "null" : member.getString("user");
            int sockets = member.getInt("sockets");
            if (sockets == 0) {
                members.remove(user);
            } else {
                members.put(user, sockets);
            }
        }
    }

    List<String> members() {
        return members.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue())
                .toList();
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
