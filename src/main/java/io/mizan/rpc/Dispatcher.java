package io.mizan.rpc;

import io.mizan.cdi.FrameInvalidator;
import io.mizan.MizanException;
import io.mizan.cdi.MizanRuntime;
import io.mizan.invalidation.InvalidationFrames;
import io.mizan.invalidation.InvalidationKeys;
import io.mizan.manifest.ManifestDocument;
import io.mizan.model.FunctionModel;
import io.mizan.model.ParamModel;
import io.mizan.Scope;
import io.mizan.model.TypeRef;
import io.mizan.schema.SchemaDocument;
import io.mizan.security.AccessPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries out the wire protocol: decodes a call, checks it, invokes the function through its bean's
 * proxy and writes the answer. The order of checks decides which error a bad request gets: origin
 * (403), name (404), server-only (403), media type (415), access (401/403), size (413), JSON (400),
 * arguments (400), validation (422).
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    @Inject
    MizanRuntime runtime;

    @Inject
    AccessPolicy access;

    @Inject
    Validator validator;

    @Inject
    FrameInvalidator invalidator;

    private ArgumentBinder binder;
    private OriginPolicy origins;
    private String schema;
    private String manifest;

    /** What a request brings besides its body. */
    public record Exchange(HttpHeaders headers, UriInfo uri, SecurityContext security, HttpServletRequest request) {
    }

    @PostConstruct
    void start() {
        binder = new ArgumentBinder(runtime.model(), runtime.jsonb());
        origins = new OriginPolicy(runtime.settings().allowedOrigins());
        schema = SchemaDocument.toJson(runtime.model());
        manifest = ManifestDocument.toJson(runtime.model());
    }

    /** {@code POST <base>/call/{name}}. */
    public Response call(String name, InputStream body, Exchange exchange) {
        return access.rememberingCaller(() -> callRemembering(name, body, exchange));
    }

    private Response callRemembering(String name, InputStream body, Exchange exchange) {
        try {
            String foreign = origins.refusal(exchange.headers(), exchange.uri().getBaseUri().getScheme());
            if (foreign != null) {
                throw new MizanException(403, "Calls from " + StrictJson.shorten(foreign) + " are not allowed;"
                        + " list the origin in mizan.allowed-origins to allow it");
            }
            FunctionModel function = runtime.model().function(name).filter(f -> !f.viewPath())
                    .orElseThrow(() -> unknown(name));
            if (function.serverOnly()) {
                throw new MizanException(403, function.name() + " can only be called by server code");
            }
            checkMediaType(exchange.headers());
            access.enforce(function);
            byte[] bytes = BodyReader.read(body, exchange.headers().getHeaderString(HttpHeaders.CONTENT_LENGTH),
                    runtime.settings().maxBodyBytes());
            JsonObject json = StrictJson.parseObject(bytes);
            Object[] args = binder.bind(function, json, injections(exchange));
            InvalidationFrames.open();
            boolean succeeded = false;
            List<String> keys;
            String result;
            try {
                result = encode(function, invoke(function, args));
                succeeded = true;
            } finally {
                keys = InvalidationFrames.close(succeeded);
            }
            invalidator.publish(keys);
            Response.ResponseBuilder ok = Response.ok(envelope(result, keys), MediaType.APPLICATION_JSON_TYPE)
                    .header("Cache-Control", "no-store");
            if (!keys.isEmpty()) {
                ok.header(InvalidationKeys.HEADER, InvalidationKeys.header(keys));
            }
            return cors(ok, exchange).build();
        } catch (Throwable t) {
            return cors(failure(t), exchange).build();
        }
    }

    /** {@code GET <base>/ctx/{name}?param=value}. */
    public Response context(String name, Exchange exchange) {
        return access.rememberingCaller(() -> contextRemembering(name, exchange));
    }

    private Response contextRemembering(String name, Exchange exchange) {
        try {
            FunctionModel function = runtime.model().function(name).filter(FunctionModel::isContext)
                    .orElseThrow(() -> unknownContext(name));
            access.enforce(function);
            Object[] args = binder.bind(function, queryArguments(function, exchange.uri().getQueryParameters()),
                    injections(exchange));
            String body = "{\"result\":" + encode(function, invoke(function, args)) + "}";
            EntityTag tag = new EntityTag(digest(body));
            Response.ResponseBuilder answer = matches(exchange.headers().getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)
                    ? Response.notModified(tag)
                    : Response.ok(body, MediaType.APPLICATION_JSON_TYPE).tag(tag);
            // the browser keeps the answer but asks again each time, so a mutation is never hidden by it
            return cors(answer.header("Cache-Control", "private, no-cache").header("Vary", "Cookie, Authorization"),
                    exchange).build();
        } catch (Throwable t) {
            return cors(failure(t), exchange).build();
        }
    }

    /** {@code GET <base>/hydrate}. */
    public Response hydrate(Exchange exchange) {
        try {
            return Response.ok(hydration(injections(exchange)), MediaType.APPLICATION_JSON_TYPE)
                    .header("Cache-Control", "no-store").build();
        } catch (Throwable t) {
            return failure(t).build();
        }
    }

    /**
     * {@code {"contexts": {...}}}: every global context the caller may read. A context that fails is
     * left out and logged, so one broken context does not break the page.
     */
    public String hydration(ArgumentBinder.Injections injections) {
        return access.rememberingCaller(() -> hydrationRemembering(injections));
    }

    private String hydrationRemembering(ArgumentBinder.Injections injections) {
        StringBuilder out = new StringBuilder("{\"contexts\":{");
        boolean first = true;
        for (FunctionModel context : runtime.model().contexts()) {
            if (context.scope() != Scope.GLOBAL || context.serverOnly() || !access.permits(context)) {
                continue;
            }
            String value;
            try {
                value = encode(context, invoke(context, binder.bind(context, JsonValue.EMPTY_JSON_OBJECT, injections)));
            } catch (Throwable t) {
                LOG.log(Level.WARNING, "Mizan: the global context " + context.name() + " failed while hydrating;"
                        + " it is left out", t);
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append(StrictJson.PROVIDER.createValue(context.name())).append(':').append(value);
        }
        return out.append("}}").toString();
    }

    /** {@code GET <base>/manifest}. */
    public Response manifest() {
        return Response.ok(manifest, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** {@code GET <base>/schema}. */
    public Response schema() {
        if (!runtime.settings().schemaEnabled()) {
            return Problem.response(404, "The schema is switched off (mizan.schema.enabled=false)").build();
        }
        return Response.ok(schema, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** A method the endpoint does not take. */
    public Response wrongMethod(String allowed) {
        return Problem.response(405, "Use " + allowed + " on this endpoint")
                .header("Allow", allowed + ", OPTIONS").build();
    }

    /** A path under the base that is no endpoint. */
    public Response notFound(String path) {
        return Problem.response(404, "There is no Mizan endpoint at '" + StrictJson.shorten(path) + "'").build();
    }

    /** A CORS preflight: answered with CORS headers for an origin in {@code mizan.allowed-origins}. */
    public Response preflight(String method, Exchange exchange) {
        Response.ResponseBuilder answer = Response.noContent().header("Allow", method + ", OPTIONS");
        String origin = exchange.headers().getHeaderString("Origin");
        if (origins.isAllowed(origin)) {
            answer.header("Access-Control-Allow-Methods", method)
                    .header("Access-Control-Allow-Headers", "Content-Type, If-None-Match")
                    .header("Access-Control-Max-Age", "600");
        }
        return cors(answer, exchange).build();
    }

    private Response.ResponseBuilder cors(Response.ResponseBuilder answer, Exchange exchange) {
        String origin = exchange.headers().getHeaderString("Origin");
        if (origins.isAllowed(origin)) {
            answer.header("Access-Control-Allow-Origin", origin)
                    .header("Access-Control-Allow-Credentials", "true")
                    .header("Access-Control-Expose-Headers", InvalidationKeys.HEADER + ", ETag")
                    .header("Vary", "Origin");
        }
        return answer;
    }

    private Object invoke(FunctionModel function, Object[] args) throws Throwable {
        return runtime.invoke(function, args, target -> {
            Set<? extends ConstraintViolation<?>> violations =
                    validator.forExecutables().validateParameters(target, function.method(), args);
            if (!violations.isEmpty()) {
                throw new MizanException(422, "Some arguments are not valid", Violations.toFieldErrors(violations));
            }
        });
    }

    private String encode(FunctionModel function, Object result) {
        if (function.result() instanceof TypeRef.Void) {
            return "null";
        }
        return runtime.jsonb().toJson(result, function.method().getGenericReturnType());
    }

    private static String envelope(String result, List<String> keys) {
        StringBuilder out = new StringBuilder(result.length() + 32).append("{\"result\":").append(result)
                .append(",\"invalidate\":[");
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(StrictJson.PROVIDER.createValue(keys.get(i)));
        }
        return out.append("]}").toString();
    }

    private ArgumentBinder.Injections injections(Exchange exchange) {
        return source -> switch (source) {
            case PRINCIPAL -> access.caller();
            case SECURITY_CONTEXT -> exchange.security();
            case REQUEST -> exchange.request();
            default -> null;
        };
    }

    /** A context's query parameters as the JSON object a call would have sent. */
    private static JsonObject queryArguments(FunctionModel function, MultivaluedMap<String, String> query) {
        JsonObjectBuilder args = StrictJson.PROVIDER.createObjectBuilder();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (e.getValue().size() > 1) {
                throw new MizanException(400, "The parameter '" + StrictJson.shorten(e.getKey()) + "' is given "
                        + e.getValue().size() + " times");
            }
            String text = e.getValue().isEmpty() ? "" : e.getValue().get(0);
            ParamModel param = function.arguments().stream().filter(p -> p.name().equals(e.getKey())).findFirst()
                    .orElse(null);
            args.add(e.getKey(), param == null ? StrictJson.PROVIDER.createValue(text) : queryValue(param, text));
        }
        return args.build();
    }

    private static JsonValue queryValue(ParamModel param, String text) {
        TypeRef type = param.type() instanceof TypeRef.Nullable n ? n.inner() : param.type();
        if (type instanceof TypeRef.Scalar s) {
            switch (s.kind()) {
                case BOOLEAN -> {
                    if (text.equals("true") || text.equals("false")) {
                        return text.equals("true") ? JsonValue.TRUE : JsonValue.FALSE;
                    }
                    throw new MizanException(400, "The parameter '" + param.name() + "' must be true or false");
                }
                case INTEGER, NUMBER -> {
                    try {
                        return StrictJson.PROVIDER.createValue(StrictJson.number(text));
                    } catch (MizanException e) {
                        throw new MizanException(400, "The parameter '" + param.name() + "' must be a number");
                    }
                }
                default -> {
                    return StrictJson.PROVIDER.createValue(text);
                }
            }
        }
        return StrictJson.PROVIDER.createValue(text);
    }

    private static void checkMediaType(HttpHeaders headers) {
        String type = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
            if (length == null || length.trim().equals("0")) {
                return; // no body at all: a call without arguments
            }
            throw new MizanException(415, "Send the arguments as application/json");
        }
        MediaType media;
        try {
            media = MediaType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new MizanException(415, "Send the arguments as application/json");
        }
        if (!media.getType().equalsIgnoreCase("application") || !media.getSubtype().equalsIgnoreCase("json")) {
            throw new MizanException(415, "Send the arguments as application/json, not " + media.getType() + "/"
                    + media.getSubtype());
        }
        String charset = media.getParameters().get("charset");
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw new MizanException(415, "Send the arguments as UTF-8");
        }
    }

    private static MizanException unknown(String name) {
        return new MizanException(404, "There is no server function named '" + StrictJson.shorten(name) + "'");
    }

    private static MizanException unknownContext(String name) {
        return new MizanException(404, "There is no context named '" + StrictJson.shorten(name) + "'");
    }

    private static boolean matches(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*") || c.equals("\"" + tag.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }

    private static String digest(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every failure becomes a problem answer; only the unexpected ones are logged, with an id. */
    private Response.ResponseBuilder failure(Throwable t) {
        if (t instanceof MizanException e) {
            Response.ResponseBuilder problem = Problem.response(e.status(),
                    e.getMessage() == null ? Problem.title(e.status()) : e.getMessage(), e.fieldErrors(), null);
            // the rest of an oversize body is not read: the connection cannot carry another request
            return e.status() == 413 ? problem.header("Connection", "close") : problem;
        }
        if (t instanceof WebApplicationException e && e.getResponse() != null && e.getResponse().getStatus() < 500) {
            int status = e.getResponse().getStatus();
            return Problem.response(status, e.getMessage() == null ? Problem.title(status) : e.getMessage());
        }
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Mizan: call failed, error id " + id, t);
        return Problem.response(500, "The server failed to answer. Quote error id " + id + " when reporting it.",
                List.of(), id);
    }
}
