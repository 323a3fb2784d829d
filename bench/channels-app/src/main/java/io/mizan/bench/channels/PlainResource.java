package io.mizan.bench.channels;

import io.mizan.channels.ChannelHub;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.Session;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Set;

/**
 * The baseline's trigger: the simplest correct hand-written loop. Each message is encoded once with
 * JSON-B and sent to every open session with {@code getAsyncRemote().sendText}. Also the benchmark's
 * probes: the server's clock and how many sockets each side has open.
 */
@Path("plain")
@ApplicationScoped
public class PlainResource {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @POST
    @Path("broadcast")
    @Produces(MediaType.TEXT_PLAIN)
    public String broadcast(@QueryParam("from") long from, @QueryParam("count") int count) {
        for (int i = 0; i < count; i++) {
            send(PlainEndpoint.SESSIONS, JSONB.toJson(new Tick(from + i, System.nanoTime(), "")));
        }
        return String.valueOf(count);
    }

    @POST
    @Path("flood")
    @Produces(MediaType.TEXT_PLAIN)
    public String flood(@QueryParam("count") int count, @QueryParam("size") int size) {
        String pad = "x".repeat(size);
        for (int i = 0; i < count; i++) {
            send(PlainEndpoint.HOLE, JSONB.toJson(new Tick(i, System.nanoTime(), pad)));
        }
        return String.valueOf(count);
    }

    private static void send(Set<Session> sessions, String text) {
        for (Session s : sessions) {
            if (s.isOpen()) {
                s.getAsyncRemote().sendText(text);
            }
        }
    }

    /** This server's System.nanoTime(), to check that the driver's clock is the same one. */
    @GET
    @Path("clock")
    @Produces(MediaType.TEXT_PLAIN)
    public String clock() {
        return String.valueOf(System.nanoTime());
    }

    /**
     * What each side's clients sent so far: "count seqSum lastAt" of the plain endpoint, then the same of
     * Mizan's room channel.
     */
    @GET
    @Path("received")
    @Produces(MediaType.TEXT_PLAIN)
    public String received() {
        return PlainEndpoint.RECEIVED + " " + RoomChannel.RECEIVED;
    }

    /** Open sockets: the plain endpoint's sessions and Mizan's (the hub's count). */
    @GET
    @Path("stats")
    @Produces(MediaType.TEXT_PLAIN)
    public String stats() {
        return PlainEndpoint.SESSIONS.size() + " " + CDI.current().select(ChannelHub.class).get().openSockets();
    }
}
