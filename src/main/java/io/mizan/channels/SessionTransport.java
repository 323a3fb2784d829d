package io.mizan.channels;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.function.Consumer;

/** A Jakarta WebSocket session as a {@link SocketTransport}: asynchronous sends, one at a time. */
final class SessionTransport implements SocketTransport {

    private final Session session;

    SessionTransport(Session session) {
        this.session = session;
    }

    @Override
    public void send(String text, Consumer<Throwable> done) {
        try {
            session.getAsyncRemote()
                    .sendText(text, result -> done.accept(result.isOK() ? null : result.getException()));
        } catch (RuntimeException e) {
            done.accept(e); // closed meanwhile
        }
    }

    @Override
    public void ping(byte[] payload) {
        try {
            session.getAsyncRemote().sendPing(java.nio.ByteBuffer.wrap(payload));
        } catch (IOException | RuntimeException e) {
            // closed meanwhile: its close event cleans up
        }
    }

    @Override
    public void close(int code, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (IOException | RuntimeException e) {
            // already closed
        }
    }
}
