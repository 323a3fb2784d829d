package io.mizan.rpc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.io.InputStream;

/**
 * The HTTP face of the server functions, at {@code <context-root>/<application path>/mizan}. It only
 * maps HTTP to the {@link Dispatcher}; every answer, error or not, is written there.
 *
 * <p>When the application's {@code jakarta.ws.rs.core.Application} lists its classes, it must list
 * this one too; when it lists none (the usual case), it is found by scanning.
 */
@Path("mizan")
@ApplicationScoped
public class MizanResource {

    @Inject
    Dispatcher dispatcher;

    // JAX-RS gives an application-scoped resource proxies of these that read the current request
    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    private Dispatcher.Exchange exchange() {
        return new Dispatcher.Exchange(headers, uri, security, request);
    }

    @POST
    @Path("call/{name}")
    public Response call(@PathParam("name") String name, InputStream body) {
        return dispatcher.call(name, body, exchange());
    }

    @GET
    @Path("call/{name}")
    public Response callGet() {
        return dispatcher.wrongMethod("POST");
    }

    @PUT
    @Path("call/{name}")
    public Response callPut() {
        return dispatcher.wrongMethod("POST");
    }

    @DELETE
    @Path("call/{name}")
    public Response callDelete() {
        return dispatcher.wrongMethod("POST");
    }

    @PATCH
    @Path("call/{name}")
    public Response callPatch() {
        return dispatcher.wrongMethod("POST");
    }

    @OPTIONS
    @Path("call/{name}")
    public Response callPreflight() {
        return dispatcher.preflight("POST", exchange());
    }

    @GET
    @Path("ctx/{name}")
    public Response context(@PathParam("name") String name) {
        return dispatcher.context(name, exchange());
    }

    @POST
    @Path("ctx/{name}")
    public Response contextPost() {
        return dispatcher.wrongMethod("GET");
    }

    @PUT
    @Path("ctx/{name}")
    public Response contextPut() {
        return dispatcher.wrongMethod("GET");
    }

    @DELETE
    @Path("ctx/{name}")
    public Response contextDelete() {
        return dispatcher.wrongMethod("GET");
    }

    @OPTIONS
    @Path("ctx/{name}")
    public Response contextPreflight() {
        return dispatcher.preflight("GET", exchange());
    }

    @GET
    @Path("hydrate")
    public Response hydrate() {
        return dispatcher.hydrate(exchange());
    }

    @GET
    @Path("manifest")
    public Response manifest() {
        return dispatcher.manifest();
    }

    @GET
    @Path("schema")
    public Response schema() {
        return dispatcher.schema();
    }

    @GET
    @Path("{path: .*}")
    public Response unknownGet(@PathParam("path") String path) {
        return dispatcher.notFound(path);
    }

    @POST
    @Path("{path: .*}")
    public Response unknownPost(@PathParam("path") String path) {
        return dispatcher.notFound(path);
    }
}
