package io.mizan.demo;

import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Signing out: a plain JAX-RS form target that ends the session and goes home. */
@Path("session")
@RequestScoped
public class SessionResource {

    @Context
    HttpServletRequest request;

    @POST
    @Path("logout")
    public Response logout() throws ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Response.seeOther(URI.create(request.getContextPath() + "/")).build();
    }
}
