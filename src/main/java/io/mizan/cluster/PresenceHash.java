package io.mizan.cluster;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.mizan.json.StrictJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What Redis keeps of presence, for a node that starts or comes back to read: the hash
 * {@code <prefix>:presence}, one field per node, group and user ({@code ["node","chat","lobby","ann"]})
 * whose value is the node's change number and its count ({@code "17 2"}), and a key per living node,
 * {@code <prefix>:node:<id>}, with a time to live. A field whose node's key has expired is stale: the
 * first node to notice removes it.
 */
final class PresenceHash {

    private final String hash;
    private final String nodePrefix;
    private final String node;

    PresenceHash(String prefix, String node) {
        this.hash = prefix + ":presence";
        this.nodePrefix = prefix + ":node:";
        this.node = node;
    }

    /** Writes this node's count of a user in a group (none: the field goes). */
    void write(
            RedisAsyncCommands<String, String> redis,
            String channel,
            String group,
            String user,
            int sockets,
            long seq) {
        String field = field(node, channel, group, user);
        if (sockets > 0) {
            redis.hset(hash, field, seq + " " + sockets);
        } else {
            redis.hdel(hash, field);
        }
    }

    /**
     * Renews this node's key; whether it was still there. A key that had expired (the node paused past
     * its time to live: a long GC pause, a suspended VM) means the others have dropped its members.
     * {@code SET ... XX} first, which every Redis version has, rather than {@code SET ... GET} (6.2).
     */
    boolean refresh(RedisCommands<String, String> redis, int ttlSeconds) {
        String key = nodePrefix + node;
        if ("OK"
                .equals(redis.set(
                        key, "1", SetArgs.Builder.px(ttlSeconds * 1000L).xx()))) {
            return true;
        }
        redis.set(key, "1", SetArgs.Builder.px(ttlSeconds * 1000L));
        return false;
    }

    boolean alive(RedisCommands<String, String> redis, String other) {
        return redis.exists(nodePrefix + other) > 0;
    }

    /** Removes a node's fields: one that is gone, or this one, leaving. */
    void remove(RedisCommands<String, String> redis, String of) {
        List<String> fields = new ArrayList<>();
        for (String field : redis.hkeys(hash)) {
            Field f = Field.read(field);
            if (f != null && f.node().equals(of)) {
                fields.add(field);
            }
        }
        if (!fields.isEmpty()) {
            redis.hdel(hash, fields.toArray(String[]::new));
        }
    }

    /** This node leaves at once, rather than when its key expires. */
    void leave(RedisCommands<String, String> redis) {
        remove(redis, node);
        redis.del(nodePrefix + node);
    }

    /**
     * Every living other node's counts. Fields of dead nodes, unreadable ones and this node's own (about
     * to be told again from what is here now) are removed.
     */
    List<RemotePresence.Count> read(RedisCommands<String, String> redis) {
        List<RemotePresence.Count> counts = new ArrayList<>();
        Map<String, Boolean> living = new HashMap<>();
        List<String> stale = new ArrayList<>();
        redis.hgetall(hash).forEach((key, value) -> {
            Field f = Field.read(key);
            long[] counted = value(value);
            if (f == null || counted == null || f.node().equals(node)) {
                stale.add(key);
            } else if (living.computeIfAbsent(f.node(), n -> alive(redis, n))) {
                counts.add(new RemotePresence.Count(
                        f.node(), f.channel(), f.group(), f.user(), (int) counted[1], counted[0]));
            } else {
                stale.add(key);
            }
        });
        if (!stale.isEmpty()) {
            redis.hdel(hash, stale.toArray(String[]::new));
        }
        return counts;
    }

    /** One other node's counts as it told them, leaving what is stale for {@link #read} to remove. */
    List<RemotePresence.Count> readNode(RedisCommands<String, String> redis, String other) {
        List<RemotePresence.Count> counts = new ArrayList<>();
        redis.hgetall(hash).forEach((key, value) -> {
            Field f = Field.read(key);
            long[] counted = value(value);
            if (f != null && counted != null && f.node().equals(other)) {
                counts.add(new RemotePresence.Count(
                        f.node(), f.channel(), f.group(), f.user(), (int) counted[1], counted[0]));
            }
        });
        return counts;
    }

    static String field(String node, String channel, String group, String user) {
        StringBuilder s = new StringBuilder("[");
        RelayPayload.quote(s, node);
        s.append(',');
        RelayPayload.quote(s, channel);
        s.append(',');
        RelayPayload.quote(s, group);
        s.append(',');
        if (user == null) {
            s.append("null");
        } else {
            RelayPayload.quote(s, user);
        }
        return s.append(']').toString();
    }

    /** The change number and the count of a value {@code "17 2"}, or {@code null}. */
    static long[] value(String text) {
        String[] parts = text.split(" ");
        try {
            return parts.length == 2 ? new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A field: the node, the channel, the group and the user ({@code null}: anonymous). */
    record Field(String node, String channel, String group, String user) {
        /** The field, or {@code null} when it is not one. */
        static Field read(String text) {
            try (var reader = StrictJson.PROVIDER.createReader(new StringReader(text))) {
                JsonArray a = reader.readArray();
                JsonValue user = a.get(3);
                return new Field(
                        a.getString(0),
                        a.getString(1),
                        a.getString(2),
                        user instanceof JsonString s ? s.getString() : null);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
