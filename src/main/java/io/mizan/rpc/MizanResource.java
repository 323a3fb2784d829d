package io.mizan.rpc;

import io.mizan.MizanException;
import io.mizan.config.MizanSettings;
import io.mizan.forms.FormOperations;
import io.mizan.hydration.Hydration;
import io.mizan.invoke.Invoker;
import io.mizan.json.ArgumentBinder;
import io.mizan.json.StrictJson;
import io.mizan.messages.Messages;
import io.mizan.security.ContainerCaller;
import io.mizan.security.OriginPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;

/**
 * The HTTP face of the server functions, at {@code <context-root>/<application path>/mizan}. Every
 * method on every path under it comes here and is routed in one place, so that every answer, a wrong
 * method or an unknown path included, is Mizan's own ({@code application/problem+json}, a 405 with
 * {@code Allow}) rather than the server's default page. {@code HEAD} is answered by JAX-RS from GET. What JAX-RS
 * cannot route to any method, the base itself and a request whose {@code Content-Type} or {@code Accept} does
 * not parse, {@link BaseFilter} answers before it gets here.
 *
 * <p>When the application's {@code jakarta.ws.rs.core.Application} lists its classes, it must list
 * this one too; when it lists none (the usual case), it is found by scanning.
 */
@Path("mizan")
// one instance, as with @ApplicationScoped, but with no client proxy between JAX-RS and every request
@Singleton
public class MizanResource {

    private static final String READ = "GET, HEAD";

    @Inject
    Invoker invoker;

    @Inject
    ArgumentBinder binder;

    @Inject
    Hydration hydration;

    @Inject
    FormOperations forms;

    @Inject
    MizanSettings settings;

    @Inject
    SecurityContext security;

    // Proxies that look the current request up in JAX-RS's request scope on every use: handed to the
    // functions that take them, and read by the endpoints only where no CurrentServletRequest is known
    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    private CallEndpoint calls;
    private ContextEndpoint contexts;
    private BatchEndpoint batches;
    private Documents documents;
    private Cors cors;
    private OriginPolicy origins;

    @PostConstruct
    void start() {
        origins = new OriginPolicy(settings);
        cors = new Cors(origins);
        calls = new CallEndpoint(invoker, binder, forms, origins, cors, settings.maxBodyBytes());
        contexts = new ContextEndpoint(
                invoker,
                binder,
                origins,
                new ETags(settings.etagKey().orElse(null)),
                cors,
                settings.cacheTagsEnabled());
        batches = new BatchEndpoint(calls, contexts, cors, settings.maxBatchEntries(), invoker.telemetry());
        documents = new Documents(invoker.model(), settings);
    }

    @GET
    @Path("{path: .*}")
    public Response get(@PathParam("path") String path) {
        return route("GET", path, null, exchange());
    }

    @POST
    @Path("{path: .*}")
    public Response post(@PathParam("path") String path, InputStream body) {
        return route("POST", path, body, exchange());
    }

    @PUT
    @Path("{path: .*}")
    public Response put(@PathParam("path") String path) {
        return route("PUT", path, null, exchange());
    }

    @DELETE
    @Path("{path: .*}")
    public Response delete(@PathParam("path") String path) {
        return route("DELETE", path, null, exchange());
    }

    @PATCH
    @Path("{path: .*}")
    public Response patch(@PathParam("path") String path) {
        return route("PATCH", path, null, exchange());
    }

    @OPTIONS
    @Path("{path: .*}")
    public Response options(@PathParam("path") String path) {
        return route("OPTIONS", path, null, exchange());
    }

    private HttpExchange exchange() {
        HttpServletRequest current = CurrentServletRequest.get();
        return new HttpExchange(current != null ? current : request, request, response);
    }

    private Response route(String method, String path, InputStream body, HttpExchange exchange) {
        if (exchange.request().isRequestedSessionIdFromURL()) { // Payara reads one whatever the tracking modes
            return cors.headers(Problem.response(Messages.sessionIdInUrl()), exchange)
                    .build();
        }
        String allowed = methodsOf(path);
        if (allowed == null) {
            return notFound(path, exchange);
        }
        if (method.equals("OPTIONS")) {
            return cors.preflight(allowed, exchange);
        }
        if (!method.equals(allowed.equals(READ) ? "GET" : allowed)) { // JAX-RS answers HEAD with GET
            return cors.headers(Problem.response(wrongMethod(allowed)).header("Allow", allow(allowed)), exchange)
                    .build();
        }
        int slash = path.indexOf('/');
        String endpoint = slash < 0 ? path : path.substring(0, slash);
        String name = slash < 0 ? null : path.substring(slash + 1);
        return switch (endpoint) {
            case "call" -> calls.call(name, body, exchange, new ContainerCaller(security, exchange.request()));
            case "ctx" -> contexts.read(name, exchange, new ContainerCaller(security, exchange.request()));
            case "batch" -> batches.batch(body, exchange, () -> new ContainerCaller(security, exchange.request()));
            default -> cors.headers(document(endpoint, exchange), exchange).build();
        };
    }

    /**
     * The methods the endpoint at this path under the base answers besides {@code OPTIONS}: {@code POST} for
     * calls and batches, {@code GET, HEAD} for the rest; {@code null} when the path is no endpoint.
     */
    static String methodsOf(String path) {
        int slash = path.indexOf('/');
        if (slash < 0) {
            return switch (path) {
                case "batch" -> "POST";
                case "hydrate", "manifest", "schema" -> READ;
                default -> null;
            };
        }
        if (slash == path.length() - 1 || path.indexOf('/', slash + 1) >= 0) {
            return null; // no name, or a name with a slash
        }
        return switch (path.substring(0, slash)) {
            case "call" -> "POST";
            case "ctx" -> READ;
            default -> null;
        };
    }

    /** 405 {@code MIZAN-103}, for a method the endpoint that answers {@code allowed} ({@link #methodsOf}) does not. */
    static MizanException wrongMethod(String allowed) {
        return Messages.wrongMethod(allowed.split(",")[0]);
    }

    /** The {@code Allow} header of the endpoint that answers {@code allowed} ({@link #methodsOf}). */
    static String allow(String allowed) {
        return allowed + ", OPTIONS";
    }

    private Response.ResponseBuilder document(String endpoint, HttpExchange exchange) {
        return switch (endpoint) {
            case "hydrate" -> hydrate(exchange);
            case "manifest" -> documents.manifest();
            default -> documents.schema();
        };
    }

    private Response.ResponseBuilder hydrate(HttpExchange exchange) {
        try {
            exchange.refuseForeignOrigin(origins);
        } catch (MizanException e) {
            return Problem.response(e);
        }
        return Response.ok(
                        hydration.contexts(new ContainerCaller(security, exchange.request()), exchange.forFunctions()),
                        MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store");
    }

    private Response notFound(String path, HttpExchange exchange) {
        return cors.headers(Problem.response(Messages.noEndpoint(StrictJson.shorten(path))), exchange)
                .build();
    }
}
