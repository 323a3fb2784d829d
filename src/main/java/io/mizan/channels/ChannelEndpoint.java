package io.mizan.channels;

import io.mizan.security.Caller;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The page's WebSocket: hands each connection to the {@link ChannelHub} with the caller its handshake
 * established, and enforces the frame size (a larger message closes the socket with 1009: the
 * containers' own limits cover only fragmented messages, and Undertow's not even those).
 */
public final class ChannelEndpoint extends Endpoint {

    private static final Logger LOG = Logger.getLogger(ChannelEndpoint.class.getName());

    /** The user property under which the handshake leaves the caller. */
    static final String CALLER = "io.mizan.caller";

    private final Supplier<ChannelHub> hub;
    private final int maxFrameBytes;

    ChannelEndpoint(Supplier<ChannelHub> hub, int maxFrameBytes) {
        this.hub = hub;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxTextMessageBufferSize(maxFrameBytes);
        session.setMaxBinaryMessageBufferSize(maxFrameBytes);
        Object caller = session.getUserProperties().get(CALLER);
        ChannelHub.Connection connection =
                hub.get().open(new SessionTransport(session), caller instanceof Caller c ? c : Caller.ANONYMOUS);
        session.getUserProperties().put(ChannelHub.Connection.class.getName(), connection);
        session.addMessageHandler(String.class, new TextFrames(session, connection));
        // without a handler a container drops binary frames silently: a client would never learn its mistake
        session.addMessageHandler(java.nio.ByteBuffer.class, (MessageHandler.Whole<java.nio.ByteBuffer>)
                data -> connection.receiveBinary());
        session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> {
            java.nio.ByteBuffer data = pong.getApplicationData();
            byte[] payload = new byte[data.remaining()];
            data.get(payload);
            connection.pong(payload);
        });
    }

    /**
     * A text message as it comes, in the parts the container reads: Undertow (WildFly) would otherwise hold a
     * frame whole, however large, before a whole-message handler's limit applies. A message past the limit is
     * refused (1009) as soon as its parts say so, and nothing more of it is kept.
     */
    private final class TextFrames implements MessageHandler.Partial<String> {
        private final Session session;
        private final ChannelHub.Connection connection;
        /** The parts of the message so far; {@code null} between messages. */
        private StringBuilder parts;

        private boolean refused;

        TextFrames(Session session, ChannelHub.Connection connection) {
            this.session = session;
            this.connection = connection;
        }

        @Override
        public void onMessage(String part, boolean last) {
            if (refused) {
                return;
            }
            String text = part;
            if (parts != null || !last) {
                if (parts == null) {
                    parts = new StringBuilder();
                }
                // a char is at least one UTF-8 byte: past the limit in chars is past it in bytes
                if (parts.length() + part.length() > maxFrameBytes) {
                    refuse();
                    return;
                }
                parts.append(part);
                if (!last) {
                    return;
                }
                text = parts.toString();
                parts = null;
            }
            if (tooLarge(text)) {
                refuse();
                return;
            }
            connection.receive(text);
        }

        private void refuse() {
            refused = true;
            parts = null;
            close(session, CloseReason.CloseCodes.TOO_BIG, "frame over " + maxFrameBytes + " bytes");
        }
    }

    private boolean tooLarge(String text) {
        // a char is at most 3 UTF-8 bytes: count bytes only when it could matter
        return text.length() > maxFrameBytes
                || (text.length() * 3L > maxFrameBytes && text.getBytes(StandardCharsets.UTF_8).length > maxFrameBytes);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        if (session.getUserProperties().get(ChannelHub.Connection.class.getName()) instanceof ChannelHub.Connection c) {
            c.closed();
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        // the container closes the session after this (a frame too big, a broken connection)
        LOG.log(Level.FINE, "Mizan: WebSocket " + session.getId() + " failed", error);
    }

    private static void close(Session session, CloseReason.CloseCode code, String reason) {
        try {
            session.close(new CloseReason(code, reason));
        } catch (java.io.IOException e) {
            // already closed
        }
    }
}
