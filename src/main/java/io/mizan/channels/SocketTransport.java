package io.mizan.channels;

import java.util.function.Consumer;

/** What the channel core needs of a WebSocket connection; the Jakarta WebSocket session in production. */
public interface SocketTransport {

    /** Sends a text frame without waiting; {@code done} gets {@code null} or the failure. */
    void send(String text, Consumer<Throwable> done);

    /** Closes the connection with a WebSocket close code. */
    void close(int code, String reason);
}
