package io.mizan.rpc;

import io.mizan.invalidation.InvalidationKeys;
import io.mizan.invoke.Failure;
import io.mizan.invoke.Outcome;
import io.mizan.json.StrictJson;
import io.mizan.messages.Messages;
import io.mizan.security.Caller;
import io.mizan.telemetry.Kind;
import io.mizan.telemetry.Observation;
import io.mizan.telemetry.Telemetry;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code POST <base>/batch}: calls and context reads sent together, run one after another in the
 * order given, each answered on its own.
 *
 * <pre>{@code
 * {"batch":[{"call":"rename","args":{"userId":5,"name":"Al"}},{"ctx":"userProfile","params":{"userId":"5"}}]}
 * -> {"batch":[{"status":200,"result":{...},"invalidate":["userProfile;userId=5"]},{"status":200,"result":{...}}]}
 * }</pre>
 *
 * <p>The batch as a whole is checked like a call (origin, media type, size, JSON) and against
 * {@code mizan.batch.max-entries}. Then each entry goes through the same steps as it would alone: a
 * call through {@link CallEndpoint#authorize} (so access runs per entry, before its arguments are
 * bound), a read through {@link ContextEndpoint#run} with its parameters as text, as a query string
 * gives them. An entry that fails answers {@code {"status":..., "error":{problem}}} and the next runs
 * anyway; its keys, like every entry's, were published on their own by the invoker. A read in a batch
 * has no ETag: the batch is no HTTP cache's business ({@code Cache-Control: no-store}).
 */
final class BatchEndpoint {

    private final CallEndpoint calls;
    private final ContextEndpoint contexts;
    private final Cors cors;
    private final int maxEntries;
    private final Telemetry telemetry;

    BatchEndpoint(CallEndpoint calls, ContextEndpoint contexts, Cors cors, int maxEntries, Telemetry telemetry) {
        this.telemetry = telemetry;
        this.calls = calls;
        this.contexts = contexts;
        this.cors = cors;
        this.maxEntries = maxEntries;
    }

    /**
     * Answers a batch. Each entry asks {@code callers} for its caller: an entry after {@code auth.login}
     * or {@code auth.logout} sees whom the request now carries, as it would were it sent alone after it.
     */
    Response batch(InputStream body, HttpExchange exchange, Supplier<Caller> callers) {
        // its entries are observed one by one, as the calls and reads they are
        return Answers.answer(() -> answer(body, exchange, callers), "a batch", null, cors, exchange, Observation.NONE);
    }

    private Response.ResponseBuilder answer(InputStream body, HttpExchange exchange, Supplier<Caller> callers)
            throws Exception {
        calls.checkOrigin(exchange);
        // well-formed JSON of another kind ([], a string) gets the batch's own shape error, not a call's
        JsonObject request = calls.readBody(body, exchange, Messages::batchNotAList);
        if (request.size() != 1 || !(request.get("batch") instanceof JsonArray entries)) {
            throw Messages.batchNotAList();
        }
        if (entries.size() > maxEntries) {
            throw Messages.batchTooLarge(entries.size(), maxEntries);
        }
        StringBuilder out = new StringBuilder(256).append("{\"batch\":[");
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(entry(i, entries.get(i), exchange, callers.get(), keys));
        }
        Response.ResponseBuilder ok = Response.ok(
                        Envelope.bytes(out.append("]}").toString()), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store");
        if (!keys.isEmpty()) { // every entry's keys together, for whatever reads the header on the way
            ok.header(InvalidationKeys.HEADER, InvalidationKeys.header(List.copyOf(keys)));
        }
        return ok;
    }

    private String entry(int index, JsonValue value, HttpExchange exchange, Caller caller, Set<String> keys) {
        String name = null;
        Observation seen = null;
        int status = 500;
        try {
            if (!(value instanceof JsonObject entry)) {
                throw Messages.batchEntryMalformed(index, "it is not an object");
            }
            String call = name(index, entry, "call");
            String ctx = name(index, entry, "ctx");
            if ((call == null) == (ctx == null)) {
                throw Messages.batchEntryMalformed(index, "it must name one of call and ctx");
            }
            // each entry is observed as the call or read it would be alone
            name = call != null ? call : ctx;
            seen = telemetry.start(call != null ? Kind.CALL : Kind.CONTEXT, name);
            String answer;
            if (call != null) {
                only(index, entry, "call", "args");
                JsonValue args = entry.getOrDefault("args", JsonValue.EMPTY_JSON_OBJECT);
                if (!(args instanceof JsonObject arguments)) {
                    throw Messages.batchEntryMalformed(index, "args must be an object of arguments by name");
                }
                Outcome outcome = calls.authorize(call, exchange, caller).run(arguments);
                keys.addAll(outcome.keys());
                answer = Envelope.batchCall(outcome.json(), outcome.keys());
            } else {
                only(index, entry, "ctx", "params");
                Outcome outcome = contexts.run(ctx, query(index, entry.get("params")), exchange, caller)
                        .outcome();
                answer = Envelope.batchRead(outcome.json());
            }
            status = 200;
            return answer;
        } catch (Throwable t) {
            Failure failure =
                    Failure.of(t, name == null ? "a batch entry" : "the batch entry " + StrictJson.shorten(name));
            status = failure.status();
            return Envelope.batchFailure(failure.status(), Problem.json(failure));
        } finally {
            if (seen != null) {
                seen.end(status);
            }
        }
    }

    private static String name(int index, JsonObject entry, String member) {
        JsonValue value = entry.get(member);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw Messages.batchEntryMalformed(index, member + " must be a name");
    }

    private static void only(int index, JsonObject entry, String name, String values) {
        for (String member : entry.keySet()) {
            if (!member.equals(name) && !member.equals(values)) {
                throw Messages.batchEntryMalformed(
                        index, "'" + StrictJson.shorten(member) + "' is none of " + name + " and " + values);
            }
        }
    }

    /** A read's parameters, each a string as in a query string, as the query's map. */
    private static Map<String, List<String>> query(int index, JsonValue params) {
        if (params == null) {
            return Map.of();
        }
        if (!(params instanceof JsonObject object)) {
            throw Messages.batchEntryMalformed(index, "params must be an object of strings");
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            if (!(e.getValue() instanceof JsonString text)) {
                throw Messages.batchEntryMalformed(
                        index, "params." + StrictJson.shorten(e.getKey()) + " must be a string, as in a query string");
            }
            query.put(e.getKey(), List.of(text.getString()));
        }
        return query;
    }
}
