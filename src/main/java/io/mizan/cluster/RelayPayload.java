package io.mizan.cluster;

import io.mizan.json.StrictJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * What nodes publish on the application's Redis channel: a header line (a JSON array: the kind, the
 * sending node, then the kind's fields) and, for messages and invalidations, a body after the first
 * newline. A message's body is its data exactly as encoded once by the sending node, so that a
 * receiving node forwards it to its sockets without reading it.
 *
 * <pre>
 * ["m","node-a","chat","chat_lobby"]\n{"text":"hi"}        a message to a group
 * ["i","node-a"]\n["notes;board=general"]                  invalidation keys
 * ["p","node-a","chat","chat_lobby","alice",2,17]          node-a now has 2 sockets of alice there (17th change)
 * ["g","node-a"]                                           node-a is leaving
 * </pre>
 */
sealed interface RelayPayload {

    String node();

    /** A broadcast to a group. */
    record Message(String node, String channel, String group, String dataJson) implements RelayPayload {}

    /** Invalidation keys. */
    record Invalidation(String node, List<String> keys) implements RelayPayload {}

    /** A node's sockets of one user in one presence group, numbered by the node's changes. */
    record PresenceCount(String node, String channel, String group, String user, int sockets, long seq)
            implements RelayPayload {}

    /** A node that stops: its members leave. */
    record Gone(String node) implements RelayPayload {}

    /** A payload that is not one of these. */
    final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason);
        }
    }

    static String write(RelayPayload payload) {
        if (payload instanceof Message m) {
            return array("m", m.node(), m.channel(), m.group()) + "]\n" + m.dataJson();
        }
        if (payload instanceof Invalidation i) {
            StringBuilder keys = new StringBuilder("[");
            for (String key : i.keys()) {
                if (keys.length() > 1) {
                    keys.append(',');
                }
                quote(keys, key);
            }
            return array("i", i.node()) + "]\n" + keys + "]";
        }
        if (payload instanceof PresenceCount p) {
            StringBuilder s = array("p", p.node(), p.channel(), p.group());
            s.append(',');
            if (p.user() == null) {
                s.append("null");
            } else {
                quote(s, p.user());
            }
            return s.append(',')
                    .append(p.sockets())
                    .append(',')
                    .append(p.seq())
                    .append(']')
                    .toString();
        }
        Gone g = (Gone) payload;
        return array("g", g.node()) + "]";
    }

    static RelayPayload read(String text) throws Unreadable {
        int newline = text.indexOf('\n');
        String header = newline < 0 ? text : text.substring(0, newline);
        String body = newline < 0 ? null : text.substring(newline + 1);
        JsonArray fields;
        try (var reader = StrictJson.PROVIDER.createReader(new StringReader(header))) {
            fields = reader.readArray();
        } catch (JsonException | IllegalStateException e) {
            throw new Unreadable("its header is not a JSON array");
        }
        String kind = string(fields, 0);
        String node = string(fields, 1);
        switch (kind) {
            case "m" -> {
                return new Message(node, string(fields, 2), string(fields, 3), required(body));
            }
            case "i" -> {
                return new Invalidation(node, keys(required(body)));
            }
            case "p" -> {
                JsonValue user = field(fields, 4);
                if (user.getValueType() != JsonValue.ValueType.NULL && !(user instanceof JsonString)) {
                    throw new Unreadable("a presence user is neither a string nor null");
                }
                String name = user instanceof JsonString s ? s.getString() : null;
                return new PresenceCount(
                        node, string(fields, 2), string(fields, 3), name, (int) number(fields, 5), number(fields, 6));
            }
            case "g" -> {
                return new Gone(node);
            }
            default -> throw new Unreadable("unknown kind '" + kind + "'");
        }
    }

    private static List<String> keys(String body) throws Unreadable {
        List<String> keys = new ArrayList<>();
        try (var reader = StrictJson.PROVIDER.createReader(new StringReader(body))) {
            for (JsonValue key : reader.readArray()) {
                if (!(key instanceof JsonString s)) {
                    throw new Unreadable("an invalidation key is not a string");
                }
                keys.add(s.getString());
            }
        } catch (JsonException | IllegalStateException e) {
            throw new Unreadable("its keys are not a JSON array");
        }
        return keys;
    }

    private static String required(String body) throws Unreadable {
        if (body == null) {
            throw new Unreadable("it has no body");
        }
        return body;
    }

    private static JsonValue field(JsonArray fields, int index) throws Unreadable {
        if (index >= fields.size()) {
            throw new Unreadable("its header has " + fields.size() + " fields");
        }
        return fields.get(index);
    }

    private static String string(JsonArray fields, int index) throws Unreadable {
        if (field(fields, index) instanceof JsonString s) {
            return s.getString();
        }
        throw new Unreadable("field " + index + " of its header is not a string");
    }

    private static long number(JsonArray fields, int index) throws Unreadable {
        if (field(fields, index) instanceof jakarta.json.JsonNumber n && n.isIntegral()) {
            long value = n.longValue();
            if (value >= 0 && value <= Long.MAX_VALUE) {
                return value;
            }
        }
        throw new Unreadable("field " + index + " of its header is not a count");
    }

    private static StringBuilder array(String... strings) {
        StringBuilder s = new StringBuilder("[");
        for (String value : strings) {
            if (s.length() > 1) {
                s.append(',');
            }
            quote(s, value);
        }
        return s;
    }

    /** JSON string syntax (the body of a message is never re-encoded, only headers are written). */
    static void quote(StringBuilder s, String text) {
        s.append(StrictJson.quote(text));
    }
}
