package io.mizan.bench.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The baseline of the context reads: the same work as {@code GET api/mizan/ctx/counter?name=} (and basket) as a plain
 * {@code @GET}: the same body ({@code {"result": ...}}), an ETag computed the same way (an HMAC-SHA256
 * of the caller and the body under a key of the deployment, one {@code Mac} per thread), a 304 when
 * {@code If-None-Match} names it, and the same caching headers.
 */
@Path("plain-context")
@ApplicationScoped
public class PlainContext {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    Counters counters;

    @Inject
    Baskets baskets;

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public PlainContext() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @GET
    @Path("counter")
    public Response counter(@QueryParam("name") @NotBlank String name, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return answer("{\"result\":" + JSONB.toJson(counters.get(name)) + "}", ifNoneMatch);
    }

    /** The 10 KB context: {@code GET api/mizan/ctx/basket?name=}. */
    @GET
    @Path("basket")
    public Response basket(@QueryParam("name") @NotBlank String name, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return answer("{\"result\":" + JSONB.toJson(baskets.of(name)) + "}", ifNoneMatch);
    }

    private Response answer(String body, String ifNoneMatch) {
        Mac mac = macs.get();
        mac.update((byte) 0); // no caller: the same input as the library's for an anonymous read
        String tag = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8))).substring(0, 27);
        EntityTag etag = new EntityTag(tag);
        Response.ResponseBuilder answer = ifNoneMatch != null && ifNoneMatch.contains("\"" + tag + "\"")
                ? Response.notModified(etag)
                : Response.ok(body, MediaType.APPLICATION_JSON_TYPE).tag(etag);
        return answer.header("Cache-Control", "private, no-cache").header("Vary", "Cookie, Authorization").build();
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
