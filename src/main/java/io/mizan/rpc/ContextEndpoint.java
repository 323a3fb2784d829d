package io.mizan.rpc;

import io.mizan.invalidation.CacheTags;
import io.mizan.invoke.Entry;
import io.mizan.invoke.Invocation;
import io.mizan.invoke.Invoker;
import io.mizan.invoke.Outcome;
import io.mizan.json.ArgumentBinder;
import io.mizan.json.StrictJson;
import io.mizan.messages.Messages;
import io.mizan.model.FunctionModel;
import io.mizan.security.Caller;
import io.mizan.security.OriginPolicy;
import io.mizan.telemetry.Kind;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** {@code GET <base>/ctx/{name}?param=value}: a context read, with an ETag and 304 when it matches. */
final class ContextEndpoint {

    private final Invoker invoker;
    private final ArgumentBinder binder;
    private final OriginPolicy origins;
    private final ETags etags;
    private final Cors cors;
    private final boolean cacheTags;

    /**
     * @param cacheTags whether answers carry {@code Cache-Tag} and {@code Surrogate-Key}
     *     ({@code mizan.cache-tags.enabled})
     */
    ContextEndpoint(
            Invoker invoker, ArgumentBinder binder, OriginPolicy origins, ETags etags, Cors cors, boolean cacheTags) {
        this.invoker = invoker;
        this.binder = binder;
        this.origins = origins;
        this.etags = etags;
        this.cors = cors;
        this.cacheTags = cacheTags;
    }

    Response read(String name, HttpExchange exchange, Caller caller) {
        return Answers.answer(
                () -> answer(name, exchange, caller),
                "the context read of ",
                name,
                cors,
                exchange,
                invoker.telemetry().start(Kind.CONTEXT, name));
    }

    private Response.ResponseBuilder answer(String name, HttpExchange exchange, Caller caller) throws Exception {
        // a read from another site runs the context with the caller's session, though its page cannot read the
        // answer: its status and timing alone can tell that site about the caller
        exchange.refuseForeignOrigin(origins);
        Read read = run(name, exchange.query(), exchange, caller);
        FunctionModel function = read.function();
        Object[] args = read.args();
        Outcome outcome = read.outcome();
        byte[] body = Envelope.bytes(Envelope.context(outcome.json()));
        EntityTag tag = new EntityTag(etags.of(caller.principal(), body));
        Response.ResponseBuilder answer = ETags.matches(exchange.header(HttpHeaders.IF_NONE_MATCH), tag.getValue())
                ? Response.notModified(tag)
                : Response.ok(body, MediaType.APPLICATION_JSON_TYPE).tag(tag);
        // the browser keeps the answer but asks again each time, so a mutation is never hidden by it
        answer.header("Cache-Control", "private, no-cache").header("Vary", "Cookie, Authorization");
        if (cacheTags) {
            // the keys that would invalidate this read, for a CDN or proxy to purge by (Cloudflare reads
            // Cache-Tag, Fastly and others Surrogate-Key)
            List<String> tags = CacheTags.of(invoker.model(), function, args);
            answer.header(CacheTags.CACHE_TAG, String.join(",", tags))
                    .header(CacheTags.SURROGATE_KEY, String.join(" ", tags));
        }
        return answer;
    }

    /** A context read that ran: the context, its arguments and what it answered. */
    record Read(FunctionModel function, Object[] args, Outcome outcome) {}

    /**
     * Reads a context with its parameters given as text, as a query string gives them: the context is
     * found (404), its access rule runs (401/403), the text is typed by the parameters (400) and
     * validated (422).
     */
    Read run(String name, Map<String, List<String>> query, HttpExchange exchange, Caller caller) throws Exception {
        FunctionModel function = invoker.model()
                .function(name)
                .filter(FunctionModel::isContext)
                .orElseThrow(() -> Messages.unknownContext(StrictJson.shorten(name)));
        Invocation call = invoker.authorize(function, caller, Entry.CLIENT, exchange.forFunctions());
        Object[] args = binder.bind(function, QueryArguments.of(function, query), call);
        return new Read(function, args, invoker.invoke(call, args));
    }
}
