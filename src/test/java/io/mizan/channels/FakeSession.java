package io.mizan.channels;

import jakarta.websocket.CloseReason;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Jakarta WebSocket session without a container: it records what was sent (each send completes at
 * once), pinged, closed and set on it, and keeps its message handlers so that a test can deliver frames.
 * Only the methods the endpoint and its transport use answer; any other throws.
 */
final class FakeSession {
    final Map<String, Object> properties = new HashMap<>();
    final Map<Class<?>, MessageHandler> handlers = new HashMap<>();
    final List<String> sent = new ArrayList<>();
    final List<String> pings = new ArrayList<>();
    final List<CloseReason> closes = new ArrayList<>();
    final Map<String, Object> limits = new HashMap<>();

    final Session session = (Session) Proxy.newProxyInstance(
            FakeSession.class.getClassLoader(),
            new Class<?>[] {Session.class},
            (proxy, m, args) -> switch (m.getName()) {
                case "getUserProperties" -> properties;
                case "getId" -> "s1";
                case "isOpen" -> closes.isEmpty();
                case "setMaxTextMessageBufferSize", "setMaxBinaryMessageBufferSize" -> {
                    limits.put(m.getName(), args[0]);
                    yield null;
                }
                case "addMessageHandler" -> {
                    handlers.put((Class<?>) args[0], (MessageHandler) args[1]);
                    yield null;
                }
                case "getAsyncRemote" -> remote();
                case "close" -> {
                    closes.add((CloseReason) args[0]);
                    yield null;
                }
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(m.getName());
            });

    RemoteEndpoint.Async remote() {
        return (RemoteEndpoint.Async) Proxy.newProxyInstance(
                FakeSession.class.getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "sendText" -> {
                        sent.add((String) args[0]);
                        ((SendHandler) args[1]).onResult(new SendResult());
                        yield null;
                    }
                    case "sendPing" -> {
                        pings.add(StandardCharsets.US_ASCII
                                .decode((ByteBuffer) args[0])
                                .toString());
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** A text message in one frame. */
    void text(String frame) {
        textPart(frame, true);
    }

    /** A part of a text message, as a container reads it: a frame, or as much of one as has come. */
    @SuppressWarnings("unchecked")
    void textPart(String part, boolean last) {
        MessageHandler handler = handlers.get(String.class);
        if (handler instanceof MessageHandler.Partial<?> partial) {
            ((MessageHandler.Partial<String>) partial).onMessage(part, last);
        } else {
            ((MessageHandler.Whole<String>) handler).onMessage(part);
        }
    }

    @SuppressWarnings("unchecked")
    void binary() {
        ((MessageHandler.Whole<ByteBuffer>) handlers.get(ByteBuffer.class))
                .onMessage(ByteBuffer.wrap(new byte[] {1, 2}));
    }

    @SuppressWarnings("unchecked")
    void pong(String payload) {
        PongMessage pong = () -> ByteBuffer.wrap(payload.getBytes(StandardCharsets.US_ASCII));
        ((MessageHandler.Whole<PongMessage>) handlers.get(PongMessage.class)).onMessage(pong);
    }
}
