package io.mizan.hydration;

import io.mizan.MizanException;
import io.mizan.Scope;
import io.mizan.invoke.Entry;
import io.mizan.invoke.Failure;
import io.mizan.invoke.Invocation;
import io.mizan.invoke.Invoker;
import io.mizan.invoke.Outcome;
import io.mizan.json.ArgumentBinder;
import io.mizan.json.StrictJson;
import io.mizan.messages.Messages;
import io.mizan.model.FunctionModel;
import io.mizan.security.Caller;
import io.mizan.telemetry.Kind;
import io.mizan.telemetry.Observation;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code {"contexts": {...}}}: every global context the caller may read, for {@code GET <base>/hydrate}
 * and for the page the {@link HydrationFilter} serves. Each context goes through the invoker like a
 * read from the browser, so the same rules hold (server-only contexts and refused callers are left
 * out). A context that fails, or whose access check fails, is left out and logged: the page is
 * always served.
 */
public final class Hydration {

    private static final Logger LOG = Logger.getLogger(Hydration.class.getName());

    private final Invoker invoker;
    private final ArgumentBinder binder;
    private final List<FunctionModel> globals;

    public Hydration(Invoker invoker, ArgumentBinder binder) {
        this.invoker = invoker;
        this.binder = binder;
        this.globals = invoker.model().contexts().stream()
                .filter(c -> c.scope() == Scope.GLOBAL)
                .toList();
    }

    /** The hydration document for this caller. */
    public String contexts(Caller caller, HttpServletRequest request) {
        StringBuilder out = new StringBuilder("{\"contexts\":{");
        boolean first = true;
        for (FunctionModel context : globals) {
            String value = value(context, caller, request);
            if (value == null) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append(StrictJson.PROVIDER.createValue(context.name()))
                    .append(':')
                    .append(value);
        }
        return out.append("}}").toString();
    }

    private String value(FunctionModel context, Caller caller, HttpServletRequest request) {
        Observation seen = invoker.telemetry().start(Kind.HYDRATE, context.name());
        int status = 500;
        try {
            Invocation call;
            try {
                call = invoker.authorize(context, caller, Entry.CLIENT, request);
            } catch (MizanException refused) {
                status = refused.status();
                return null; // not this caller's to read
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, Messages.hydrationCheckFailed(context.where()), e);
                return null;
            }
            try {
                Outcome outcome = invoker.invoke(call, binder.bind(context, JsonValue.EMPTY_JSON_OBJECT, call));
                status = 200;
                return outcome.json();
            } catch (Exception | Error e) {
                if (e instanceof VirtualMachineError fatal) {
                    throw fatal;
                }
                status = Failure.status(e);
                LOG.log(Level.WARNING, Messages.hydrationContextFailed(context.where()), e);
                return null;
            }
        } finally {
            seen.end(status);
        }
    }
}
