package io.mizan.inprocess.contexts.viewserveronly;

import io.mizan.Client;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** A JAX-RS method marked server-only: JAX-RS would answer it to any browser anyway. */
@RequestScoped
@Path("hooks")
public class Hooks {

    @POST
    @Client(serverOnly = true)
    public Response payment() {
        return Response.noContent().build();
    }
}
