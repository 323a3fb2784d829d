package io.mizan.it.channels;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A webhook of the application's own: server code calling a server-only function. */
@RequestScoped
@Path("hooks")
public class Hooks {

    @Inject
    Board board;

    @POST
    @Path("clear/{board}")
    public String clear(@PathParam("board") String name) {
        return "cleared " + board.clear(name);
    }
}
