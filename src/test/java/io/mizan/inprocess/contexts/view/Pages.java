package io.mizan.inprocess.contexts.view;

import io.mizan.Client;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

@ApplicationScoped
public class Pages {

    @Client(context = Scope.GLOBAL)
    public Response home() {
        return Response.ok().build();
    }
}
