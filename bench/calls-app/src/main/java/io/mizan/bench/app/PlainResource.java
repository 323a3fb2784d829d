package io.mizan.bench.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The baseline: the same work as {@link Greeter} as plain JAX-RS with a JSON-B body and Bean Validation.
 * Application-scoped, as Mizan's own resource is, so that neither side pays for a bean per request.
 */
@Path("plain")
@ApplicationScoped
public class PlainResource {

    private static final Jsonb JSONB = JsonbBuilder.create();

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

    /**
     * A mutation written by hand that tells its client what to refetch, as Mizan's does: the counter's
     * key ({@code counter;name=...}) in {@code X-Mizan-Invalidate} and next to the result, and
     * {@code Cache-Control: no-store}. Without them it would do less than the function it is measured
     * against, and the client would not know what changed.
     */
    @POST
    @Path("increment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response increment(@NotNull @Valid NameRequest request) {
        Counter counter = counters.increment(request.name());
        String key = "counter;name=" + URLEncoder.encode(counter.name(), StandardCharsets.UTF_8);
        String body = "{\"result\":" + JSONB.toJson(counter) + ",\"invalidate\":[" + JSONB.toJson(key) + "]}";
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header("X-Mizan-Invalidate", key)
                .header("Cache-Control", "no-store")
                .build();
    }
}
