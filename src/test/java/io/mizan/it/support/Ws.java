package io.mizan.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client (the JDK's) for the channel tests: sends frames, collects what arrives. */
public final class Ws implements AutoCloseable {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final WebSocket socket;
    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final List<JsonObject> seen = new ArrayList<>();

    private Ws(URI uri, String... headers) {
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        socket = builder.buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            try (JsonReader reader = Json.createReader(new StringReader(partial.toString()))) {
                                frames.add(reader.readObject());
                            }
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        closed.complete(-1);
                    }
                })
                .join();
    }

    /** Connects to the deployment's socket ({@code mizan/ws}), with headers as name, value pairs. */
    public static Ws connect(Http http, String... headers) {
        return connectTo(http, "mizan/ws", headers);
    }

    /** Connects to a path of the deployment, with headers as name, value pairs. */
    public static Ws connectTo(Http http, String path, String... headers) {
        URI uri = URI.create(http.uri(path).toString().replaceFirst("^http", "ws"));
        return new Ws(uri, headers);
    }

    public void send(String frame) {
        socket.sendText(frame, true).join();
    }

    /** Sends a binary frame of these bytes. */
    public void sendBinary(byte[] data) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(data), true).join();
    }

    /**
     * The next frame that matches, waiting while frames keep coming: it fails after 10 s without any
     * frame, or after 60 s in all. A long stream (a flood of large messages on a busy machine) may take
     * longer than 10 s to arrive, but never stalls that long. Frames before it are kept in {@link #seen}.
     */
    public JsonObject next(Predicate<JsonObject> matching) {
        return next(matching, Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    /** The next frame that matches: none for {@code quiet}, or none in {@code total}, is an AssertionError. */
    private JsonObject next(Predicate<JsonObject> matching, Duration quiet, Duration total) {
        long start = System.nanoTime();
        long end = start + total.toNanos();
        try {
            while (true) {
                long left = Math.min(quiet.toNanos(), end - System.nanoTime());
                JsonObject frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
                if (frame == null) {
                    throw new AssertionError("no matching frame: none for " + quiet.toMillis() + " ms, or none in "
                            + total.toMillis() + " ms; after " + seen.size() + " frames in "
                            + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms; the last: "
                            + shortened(seen.isEmpty() ? null : seen.get(seen.size() - 1)));
                }
                seen.add(frame);
                if (matching.test(frame)) {
                    return frame;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String shortened(JsonObject frame) {
        String text = String.valueOf(frame);
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    /** The next frame with this op (and ref, when given). */
    public JsonObject next(String op, String ref) {
        return next(f -> f.getString("op").equals(op) && (ref == null || ref.equals(f.getString("ref", null))));
    }

    /** Whether a frame with this op arrives within the time, without waiting longer. */
    public boolean arrives(String op, Duration within) {
        try {
            next(f -> f.getString("op").equals(op), within, within);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    /** Frames that arrived and were not read yet. */
    public List<JsonObject> drain() {
        List<JsonObject> rest = new ArrayList<>();
        frames.drainTo(rest);
        seen.addAll(rest);
        return rest;
    }

    /** The close code the server sent, waiting up to 10 s. */
    public int closeCode() {
        try {
            return closed.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the socket was not closed within 10 s", e);
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
