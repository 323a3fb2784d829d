package io.mizan.bench.channels;

/**
 * The message both sides send: a sequence number, the server's {@code System.nanoTime()} when the
 * message was handed to the broadcaster or the loop, and a padding text, empty except when flooding
 * the stalled socket.
 */
public record Tick(long seq, long sent, String pad) {
}
