package io.mizan.invoke;

import io.mizan.FieldError;
import io.mizan.MizanException;
import io.mizan.json.StrictJson;
import io.mizan.messages.Messages;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.WebApplicationException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A failed call as every entry point reports it (a problem answer over HTTP, an error frame over a
 * WebSocket): the status, a message for people, field errors, for a server failure the id under
 * which the cause was logged, and the problem's code. Nothing of the cause reaches the caller but
 * that id.
 *
 * @param status the HTTP status
 * @param detail what went wrong, in the caller's terms
 * @param errors field errors (422)
 * @param id the error id of a logged server failure, or {@code null}
 * @param code the problem's code for programs ({@code MIZAN-100}, or the application's own such as
 *             {@code ORDER_SHIPPED}), or {@code null}
 * @param retryAfterSeconds how long the caller should wait before trying again ({@code Retry-After}); 0: no header
 */
public record Failure(
        int status, String detail, List<FieldError> errors, String id, String code, long retryAfterSeconds) {

    private static final Logger LOG = Logger.getLogger(Failure.class.getName());

    /**
     * The field errors an answer lists at most, the first by path: a body of a million invalid list
     * elements would otherwise be answered with many times its own size.
     */
    public static final int MAX_FIELD_ERRORS = 100;

    /** Wrappers that containers put around the exception a bean threw. */
    private static final List<String> WRAPPERS = List.of("jakarta.ejb.EJBException", "javax.ejb.EJBException");

    public Failure {
        errors = List.copyOf(errors);
    }

    /** A failure without a code. */
    public Failure(int status, String detail, List<FieldError> errors, String id) {
        this(status, detail, errors, id, null, 0);
    }

    /** A failure the caller may retry at once. */
    public Failure(int status, String detail, List<FieldError> errors, String id, String code) {
        this(status, detail, errors, id, code, 0);
    }

    /** The answer to a refusal: its status, message (else the status's title), field errors and code. */
    public static Failure of(MizanException e) {
        return new Failure(
                e.status(),
                e.getMessage() == null ? StatusTitles.of(e.status()) : e.getMessage(),
                e.fieldErrors(),
                null,
                e.code(),
                e.retryAfterSeconds());
    }

    /**
     * The failure a throwable stands for. The user's own exception is found inside the wrappers that
     * reflection, EJB containers and proxies put around it; an unexpected one is logged with an id.
     *
     * @param what what failed, for the log ({@code "the call of rename"})
     */
    public static Failure of(Throwable thrown, String what) {
        Throwable t = unwrap(thrown);
        if (t instanceof MizanException e) {
            return of(e);
        }
        int status = clientStatus(t);
        if (status != 0) {
            return new Failure(
                    status, t.getMessage() == null ? StatusTitles.of(status) : t.getMessage(), List.of(), null);
        }
        return serverFailure(what, t);
    }

    /** The status {@link #of(Throwable, String)} answers a throwable with, without logging anything. */
    public static int status(Throwable thrown) {
        Throwable t = unwrap(thrown);
        if (t instanceof MizanException e) {
            return e.status();
        }
        int status = clientStatus(t);
        return status != 0 ? status : 500;
    }

    /** The 4xx of a JAX-RS exception the application threw on purpose, else 0. */
    private static int clientStatus(Throwable t) {
        if (t instanceof WebApplicationException e
                && e.getResponse() != null
                && e.getResponse().getStatus() >= 400
                && e.getResponse().getStatus() < 500) {
            return e.getResponse().getStatus();
        }
        return 0;
    }

    /** An unexpected failure: logged with a new id, answered with that id alone. */
    public static Failure serverFailure(String what, Throwable cause) {
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, Messages.failureLogged(what, id), cause);
        MizanException answer = Messages.serverFailed(id);
        return new Failure(500, answer.getMessage(), List.of(), id, answer.code());
    }

    /**
     * The exception the application threw, without the wrappers around it: reflection's
     * {@link InvocationTargetException}, a proxy's {@link UndeclaredThrowableException}, and an EJB
     * container's {@code EJBException} (looked up by name: EJB may be absent from the server).
     */
    public static Throwable unwrap(Throwable thrown) {
        Throwable t = thrown;
        for (int depth = 0; depth < 16 && t.getCause() != null && t.getCause() != t; depth++) {
            if (t instanceof InvocationTargetException
                    || t instanceof UndeclaredThrowableException
                    || isEjbWrapper(t)) {
                t = t.getCause();
            } else {
                break;
            }
        }
        return t;
    }

    private static boolean isEjbWrapper(Throwable t) {
        for (Class<?> c = t.getClass(); c != null && c != RuntimeException.class; c = c.getSuperclass()) {
            if (WRAPPERS.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds this failure's members, as a problem (RFC 9457) and an error frame both write them:
     * {@code title}, {@code status}, {@code detail}, and when present {@code code}, {@code errors}
     * (field paths and messages, {@link #MAX_FIELD_ERRORS} at most: the detail then says how many there
     * were) and {@code id}.
     */
    public JsonObjectBuilder addTo(JsonObjectBuilder out) {
        int listed = Math.min(errors.size(), MAX_FIELD_ERRORS);
        String text = listed < errors.size()
                ? detail + " (" + listed + " of " + errors.size() + " field errors listed)"
                : detail;
        out.add("title", StatusTitles.of(status)).add("status", status).add("detail", text);
        if (code != null) {
            out.add("code", code);
        }
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = StrictJson.PROVIDER.createArrayBuilder();
            for (FieldError e : errors.subList(0, listed)) {
                list.add(StrictJson.PROVIDER
                        .createObjectBuilder()
                        .add("path", e.path())
                        .add("message", e.message()));
            }
            out.add("errors", list);
        }
        if (id != null) {
            out.add("id", id);
        }
        if (retryAfterSeconds > 0) { // as Retry-After says, for answers without headers: batch entries, frames
            out.add("retryAfter", retryAfterSeconds);
        }
        return out;
    }
}
