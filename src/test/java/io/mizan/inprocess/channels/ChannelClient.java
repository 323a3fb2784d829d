package io.mizan.inprocess.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mizan.channels.ChannelHub;
import io.mizan.security.Caller;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A page's one WebSocket, as the hub sees it: frames go in as text, and what the hub sends comes out
 * of a {@link MemoryTransport}, read with JSON-P. {@link #take()} returns what arrived since the last
 * take, so that a test reads a conversation in turns.
 *
 * <pre>{@code
 * ChannelClient ann = ChannelClient.open(hub, InProcess.user("ann"));
 * ann.join("1", "chat", "{\"room\":\"lobby\"}");
 * JsonObject joined = ann.one();   // {"op":"joined","ref":"1"}
 * }</pre>
 */
public final class ChannelClient {

    private final ChannelHub.Connection connection;
    private final MemoryTransport transport;
    private int read;

    private ChannelClient(ChannelHub.Connection connection, MemoryTransport transport) {
        this.connection = connection;
        this.transport = transport;
    }

    /** Opens a socket for this caller on a client that reads everything. */
    public static ChannelClient open(ChannelHub hub, Caller caller) {
        return open(hub, caller, MemoryTransport.prompt());
    }

    /** Opens a socket for this caller over this transport. */
    public static ChannelClient open(ChannelHub hub, Caller caller, MemoryTransport transport) {
        return new ChannelClient(hub.open(transport, caller), transport);
    }

    /** Answers a ping, as a client that reads does. */
    public void pong(byte[] payload) {
        connection.pong(payload);
    }

    /** Sends a text frame as it is. */
    public void frame(String text) {
        connection.receive(text);
    }

    /** Sends a binary frame. */
    public void binary() {
        connection.receiveBinary();
    }

    /** {@code {"op":"join","ref":ref,"channel":channel,"params":params}}. */
    public void join(String ref, String channel, String paramsJson) {
        frame("{\"op\":\"join\",\"ref\":\"" + ref + "\",\"channel\":\"" + channel + "\",\"params\":" + paramsJson
                + "}");
    }

    /** {@code {"op":"send","ref":ref,"data":data}}. */
    public void send(String ref, String dataJson) {
        frame("{\"op\":\"send\",\"ref\":\"" + ref + "\",\"data\":" + dataJson + "}");
    }

    /** {@code {"op":"leave","ref":ref}}. */
    public void leave(String ref) {
        frame("{\"op\":\"leave\",\"ref\":\"" + ref + "\"}");
    }

    /** The connection closed (the endpoint's {@code @OnClose}). */
    public void closed() {
        connection.closed();
    }

    /**
     * Waits up to 10 seconds for a frame of this op to arrive (frames from another node come on the
     * relay's thread) and returns it; the frames before it are skipped, those after it kept for the
     * next take.
     */
    public JsonObject await(String op) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        List<JsonObject> skipped = new java.util.ArrayList<>();
        while (true) {
            List<String> sent = transport.sent();
            while (read < sent.size()) {
                JsonObject frame = parse(sent.get(read++));
                if (op.equals(frame.getString("op"))) {
                    return frame;
                }
                skipped.add(frame);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + op + " frame within 10 s; got " + skipped);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The frames that arrived since the last take. */
    public List<JsonObject> take() {
        List<String> sent = transport.sent();
        List<JsonObject> frames = sent.subList(read, sent.size()).stream()
                .map(ChannelClient::parse)
                .toList();
        read = sent.size();
        return frames;
    }

    /** The one frame that arrived since the last take. */
    public JsonObject one() {
        List<JsonObject> frames = take();
        assertEquals(1, frames.size(), () -> "expected one frame, got " + frames);
        return frames.get(0);
    }

    /** The ops of the frames that arrived since the last take, in order. */
    public List<String> ops() {
        return take().stream().map(f -> f.getString("op")).collect(Collectors.toList());
    }

    /** Every frame this socket was ever sent. */
    public List<JsonObject> all() {
        return transport.sent().stream().map(ChannelClient::parse).toList();
    }

    /** Joins and asserts the answer is {@code joined} (and, with presence, a {@code presence} frame). */
    public void joinOk(String ref, String channel, String paramsJson) {
        join(ref, channel, paramsJson);
        List<JsonObject> frames = take();
        assertEquals("joined", frames.isEmpty() ? null : frames.get(0).getString("op"), () -> "got " + frames);
    }

    public MemoryTransport transport() {
        return transport;
    }

    /** Frames queued for this socket, not yet handed to the transport. */
    public int queued() {
        return connection.queued();
    }

    /** A frame's text as JSON. */
    public static JsonObject parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /**
     * Asserts that a frame is an error with this ref ({@code null}: none), status and code, a title
     * and a detail; returns it for more.
     */
    public static JsonObject assertError(JsonObject frame, String ref, int status, String code) {
        assertEquals("error", frame.getString("op"), () -> "not an error: " + frame);
        if (ref == null) {
            assertFalse(frame.containsKey("ref"), () -> "an error without a readable ref has none: " + frame);
        } else {
            assertEquals(ref, string(frame, "ref"), () -> "the ref of " + frame);
        }
        assertEquals(status, frame.getInt("status"), () -> "the status of " + frame);
        assertEquals(code, string(frame, "code"), () -> "the code of " + frame);
        assertFalse(frame.getString("title").isBlank());
        assertFalse(frame.getString("detail").isBlank());
        if (status != 500) {
            assertNull(frame.get("id"), () -> "only a 500 has an id: " + frame);
        }
        return frame;
    }

    /** A string field, or {@code null} when it is absent or JSON {@code null}. */
    public static String string(JsonObject frame, String name) {
        JsonValue value = frame.get(name);
        return value instanceof JsonString s ? s.getString() : null;
    }
}
