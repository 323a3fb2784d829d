package io.mizan.rpc;

import io.mizan.MizanException;
import io.mizan.forms.FormOperations;
import io.mizan.invalidation.InvalidationKeys;
import io.mizan.invoke.Entry;
import io.mizan.invoke.Invocation;
import io.mizan.invoke.Invoker;
import io.mizan.invoke.Outcome;
import io.mizan.json.ArgumentBinder;
import io.mizan.json.StrictJson;
import io.mizan.messages.Messages;
import io.mizan.model.FormModel;
import io.mizan.model.FunctionModel;
import io.mizan.security.Caller;
import io.mizan.security.OriginPolicy;
import io.mizan.telemetry.Kind;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code POST <base>/call/{name}}. The order of checks decides which error a bad request gets:
 * origin (403), name (404), server-only and access (403/401, before anything of the body is read),
 * media type (415), size (413), JSON (400), arguments (400), validation (422).
 */
final class CallEndpoint {

    private final Invoker invoker;
    private final ArgumentBinder binder;
    private final FormOperations forms;
    private final OriginPolicy origins;
    private final Cors cors;
    private final long maxBodyBytes;

    CallEndpoint(
            Invoker invoker,
            ArgumentBinder binder,
            FormOperations forms,
            OriginPolicy origins,
            Cors cors,
            long maxBodyBytes) {
        this.invoker = invoker;
        this.binder = binder;
        this.forms = forms;
        this.origins = origins;
        this.cors = cors;
        this.maxBodyBytes = maxBodyBytes;
    }

    Response call(String name, InputStream body, HttpExchange exchange, Caller caller) {
        return Answers.answer(
                () -> answer(name, body, exchange, caller),
                "the call of ",
                name,
                cors,
                exchange,
                invoker.telemetry().start(Kind.CALL, name));
    }

    private Response.ResponseBuilder answer(String name, InputStream body, HttpExchange exchange, Caller caller)
            throws Exception {
        checkOrigin(exchange);
        Authorized call = authorize(name, exchange, caller);
        Outcome outcome = call.run(readBody(body, exchange));
        Response.ResponseBuilder ok = Response.ok(
                        Envelope.bytes(Envelope.call(outcome.json(), outcome.keys())), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store");
        if (!outcome.keys().isEmpty()) {
            ok.header(InvalidationKeys.HEADER, InvalidationKeys.header(outcome.keys()));
        }
        return ok;
    }

    /** A call whose caller has passed its access rule, waiting for its arguments. */
    interface Authorized {
        Outcome run(JsonObject arguments) throws Exception;
    }

    /** Refuses a call from an origin that is neither the server's own nor allowed (403). */
    void checkOrigin(HttpExchange exchange) {
        exchange.refuseForeignOrigin(origins);
    }

    /**
     * Finds the function (or form operation) by name and runs its access rule, before anything of the
     * arguments is read.
     */
    Authorized authorize(String name, HttpExchange exchange, Caller caller) {
        FunctionModel function =
                invoker.model().function(name).filter(f -> !f.viewPath()).orElse(null);
        if (function == null) { // a form's schema or validate, run with the form's access rule
            FormOperations.Operation operation =
                    forms.find(name).orElseThrow(() -> Messages.unknownFunction(StrictJson.shorten(name)));
            Invocation call =
                    invoker.authorize(operation.form().submit(), caller, Entry.CLIENT, exchange.forFunctions());
            return arguments -> new Outcome(forms.run(operation, arguments, call), List.of());
        }
        Invocation call =
                invoker.authorize(function, caller, Entry.CLIENT, exchange.forFunctions(), exchange.response());
        FormModel form = invoker.model().formSubmittedBy(function).orElse(null);
        return arguments -> {
            if (form != null) {
                forms.checkSubmit(form, arguments, call);
            }
            return invoker.invoke(call, binder.bind(function, arguments, call));
        };
    }

    /** The body as a JSON object, after its media type and size are checked (415, 413, 400). */
    JsonObject readBody(InputStream body, HttpExchange exchange) throws java.io.IOException {
        return readBody(body, exchange, Messages::bodyNotAnObject);
    }

    /** As a call's body is read, refusing well-formed JSON that is no object with {@code notAnObject}. */
    JsonObject readBody(InputStream body, HttpExchange exchange, Supplier<MizanException> notAnObject)
            throws java.io.IOException {
        checkMediaType(exchange);
        byte[] bytes = BodyReader.read(body, exchange.header(HttpHeaders.CONTENT_LENGTH), maxBodyBytes);
        return StrictJson.parseObject(bytes, notAnObject);
    }

    private static void checkMediaType(HttpExchange exchange) {
        String coding = exchange.header(HttpHeaders.CONTENT_ENCODING);
        if (coding != null && !coding.trim().equalsIgnoreCase("identity")) {
            throw Messages.contentEncoded(StrictJson.shorten(coding));
        }
        String type = exchange.header(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            String length = exchange.header(HttpHeaders.CONTENT_LENGTH);
            boolean noBody = length == null
                    ? exchange.header("Transfer-Encoding") == null // chunked: a body of unknown length
                    : length.trim().equals("0");
            if (noBody) {
                return; // no body at all: a call without arguments
            }
            throw Messages.notJsonMediaType(null);
        }
        if (type.equalsIgnoreCase(MediaType.APPLICATION_JSON)) {
            return; // what the runtime sends: no need to parse it
        }
        MediaType media;
        try {
            media = MediaType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw Messages.notJsonMediaType(null);
        }
        if (!media.getType().equalsIgnoreCase("application")
                || !media.getSubtype().equalsIgnoreCase("json")) {
            throw Messages.notJsonMediaType(StrictJson.shorten(media.getType() + "/" + media.getSubtype()));
        }
        String charset = media.getParameters().get("charset");
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw Messages.notUtf8Charset();
        }
    }
}
