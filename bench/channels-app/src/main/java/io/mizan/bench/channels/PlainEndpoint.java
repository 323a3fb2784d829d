package io.mizan.bench.channels;

import jakarta.websocket.OnClose;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The baseline: a hand-written endpoint that keeps its open sessions in a set. A connection to
 * {@code /plain?hole=1} is also put in the "hole" (the stalled socket, which the flood reaches alone).
 * What a client sends is read with JSON-B and counted: the floor of the inbound benchmark.
 */
@ServerEndpoint("/plain")
public class PlainEndpoint {

    static final Set<Session> SESSIONS = ConcurrentHashMap.newKeySet();
    static final Set<Session> HOLE = ConcurrentHashMap.newKeySet();
    static final Received RECEIVED = new Received();
    private static final Jsonb JSONB = JsonbBuilder.create();

    @OnOpen
    public void open(Session session) {
        SESSIONS.add(session);
        if (session.getRequestParameterMap().getOrDefault("hole", List.of()).contains("1")) {
            HOLE.add(session);
        }
    }

    @OnMessage
    public void message(String text) {
        RECEIVED.add(JSONB.fromJson(text, Tick.class));
    }

    @OnClose
    public void close(Session session) {
        SESSIONS.remove(session);
        HOLE.remove(session);
    }

    @OnError
    public void error(Session session, Throwable failure) {
        SESSIONS.remove(session);
        HOLE.remove(session);
    }
}
