package io.mizan.channels;

import io.mizan.invoke.Failure;
import io.mizan.json.StrictJson;
import io.mizan.messages.Messages;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;

/**
 * The one reader of client frames and the one writer of server frames (see the protocol's
 * "Channels" section). Client frames are read as strictly as call bodies.
 */
final class ChannelFrames {

    private ChannelFrames() {}

    /** A frame from the client. */
    sealed interface ClientFrame permits Join, Send, Leave {
        String ref();
    }

    /** {@code {"op":"join","ref":"1","channel":"chat","params":{...}}}. */
    record Join(String ref, String channel, JsonObject params) implements ClientFrame {}

    /** {@code {"op":"send","ref":"1","data":...}}. */
    record Send(String ref, JsonValue data) implements ClientFrame {}

    /** {@code {"op":"leave","ref":"1"}}. */
    record Leave(String ref) implements ClientFrame {}

    /** A frame that cannot be read, with the ref it had, if any could be read. */
    static final class Unreadable extends RuntimeException {
        final String ref;
        final io.mizan.MizanException problem;

        Unreadable(String ref, io.mizan.MizanException problem) {
            super(problem.getMessage(), null, false, false);
            this.ref = ref;
            this.problem = problem;
        }
    }

    /** Reads a client frame; throws {@link Unreadable} for anything else. */
    static ClientFrame read(String text) {
        JsonObject frame;
        try {
            frame = StrictJson.parseObject(
                    text, () -> Messages.badFrame("A frame must be a JSON object: {\"op\": ..., \"ref\": ...}"));
        } catch (io.mizan.MizanException e) {
            throw new Unreadable(null, e);
        }
        String ref = string(frame, "ref");
        String op = string(frame, "op");
        if (ref == null || ref.isEmpty() || ref.length() > 64) {
            throw new Unreadable(null, Messages.badFrame("A frame needs a \"ref\": a string of 1 to 64 characters"));
        }
        if (op == null) {
            throw new Unreadable(ref, Messages.badFrame("A frame needs an \"op\": join, send or leave"));
        }
        return switch (op) {
            case "join" -> {
                String channel = string(frame, "channel");
                if (channel == null) {
                    throw new Unreadable(ref, Messages.badFrame("A join needs a \"channel\""));
                }
                JsonValue params = frame.get("params");
                if (params != null
                        && params.getValueType() != JsonValue.ValueType.OBJECT
                        && params.getValueType() != JsonValue.ValueType.NULL) {
                    throw new Unreadable(ref, Messages.badFrame("A join's \"params\" must be an object"));
                }
                yield new Join(ref, channel, params instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT);
            }
            case "send" -> new Send(ref, frame.get("data"));
            case "leave" -> new Leave(ref);
            default -> throw new Unreadable(
                    ref, Messages.badFrame("Unknown op '" + StrictJson.shorten(op) + "'; use join, send or leave"));
        };
    }

    private static String string(JsonObject frame, String name) {
        return frame.get(name) instanceof JsonString s ? s.getString() : null;
    }

    /** A ref as JSON, quoted and escaped once per join so that fan-out only concatenates. */
    static String quote(String text) {
        return StrictJson.quote(text);
    }

    static String joined(String refJson) {
        return "{\"op\":\"joined\",\"ref\":" + refJson + "}";
    }

    static String left(String refJson) {
        return "{\"op\":\"left\",\"ref\":" + refJson + "}";
    }

    /** A message frame around data encoded once for every member. */
    static String message(String refJson, String dataJson) {
        return "{\"op\":\"message\",\"ref\":" + refJson + ",\"data\":" + dataJson + "}";
    }

    /** An error frame: the op and ref, then the same members as a problem answer. */
    static String error(String ref, Failure failure) {
        JsonObjectBuilder frame = StrictJson.PROVIDER.createObjectBuilder().add("op", "error");
        if (ref != null) {
            frame.add("ref", ref);
        }
        return failure.addTo(frame).build().toString();
    }

    static String presence(String refJson, List<Presence.Member> members) {
        return "{\"op\":\"presence\",\"ref\":" + refJson + ",\"members\":" + members(members) + "}";
    }

    static String presenceDiff(String refJson, List<Presence.Member> joins, List<Presence.Member> leaves) {
        return "{\"op\":\"presence_diff\",\"ref\":" + refJson + ",\"joins\":" + members(joins) + ",\"leaves\":"
                + members(leaves) + "}";
    }

    /** The page may have missed invalidations (another node could not be heard for a while): refetch. */
    static String resync() {
        return "{\"op\":\"resync\"}";
    }

    static String invalidate(List<String> keys) {
        JsonArrayBuilder list = StrictJson.PROVIDER.createArrayBuilder();
        keys.forEach(list::add);
        return "{\"op\":\"invalidate\",\"keys\":" + list.build() + "}";
    }

    private static String members(List<Presence.Member> members) {
        JsonArrayBuilder list = StrictJson.PROVIDER.createArrayBuilder();
        for (Presence.Member m : members) {
            JsonObjectBuilder member = StrictJson.PROVIDER.createObjectBuilder();
            if (m.user() == null) {
                member.addNull("user");
            } else {
                member.add("user", m.user());
            }
            list.add(member.add("sockets", m.sockets()));
        }
        return list.build().toString();
    }
}
