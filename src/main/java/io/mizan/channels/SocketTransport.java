package io.mizan.channels;

import java.util.function.Consumer;

/** What the channel core needs of a WebSocket connection; the Jakarta WebSocket session in production. */
public interface SocketTransport {

    /** Sends a text frame without waiting; {@code done} gets {@code null} or the failure. */
    void send(String text, Consumer<Throwable> done);

    /**
     * Sends a ping with this payload; the client's pong comes back through the connection.
     *
     * @return whether the connection took it: false when it is closed
     */
    boolean ping(byte[] payload);

    /** Whether the connection is open, as far as the container knows. */
    default boolean isOpen() {
        return true;
    }

    /** Closes the connection with a WebSocket close code. */
    void close(int code, String reason);
}
