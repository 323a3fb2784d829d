package io.mizan.bench.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The baseline: the same work as {@link Greeter} as plain JAX-RS with a JSON-B body and Bean Validation.
 * Application-scoped, as Mizan's own resource is, so that neither side pays for a bean per request.
 */
@Path("plain")
@ApplicationScoped
public class PlainResource {

    @Inject
    Counters counters;

    @POST
    @Path("greet")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Greeting greet(@NotNull @Valid NameRequest request) {
        return Greeting.of(request.name());
    }

    @POST
    @Path("place")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Order.Summary place(@NotNull @Valid Order order) {
        return Order.Summary.of(order);
    }

    @POST
    @Path("welcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @jakarta.annotation.security.RolesAllowed("user")
    public Greeting welcome(@jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security) {
        return Greeting.of(security.getUserPrincipal().getName());
    }

    @POST
    @Path("increment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Counter increment(@NotNull @Valid NameRequest request) {
        return counters.increment(request.name());
    }
}
