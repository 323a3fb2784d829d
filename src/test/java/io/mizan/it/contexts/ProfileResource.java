package io.mizan.it.contexts;

import io.mizan.Client;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** A plain JAX-RS form handler on the view path: it keeps its own redirect. */
@Path("profiles")
@RequestScoped
public class ProfileResource {

    @Inject
    Profiles profiles;

    @POST
    @Path("{userId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Client(affects = "userProfile")
    public Response updateProfile(@PathParam("userId") long userId, @FormParam("name") String name) {
        profiles.rename(userId, name);
        return Response.seeOther(URI.create("/profiles/" + userId))
                .header("X-Handled-By", "profile-form")
                .build();
    }
}
