package io.mizan.invoke;

import io.mizan.FieldError;
import io.mizan.MizanException;
import io.mizan.invalidation.InvalidationFrames;
import io.mizan.invalidation.KeyPublisher;
import io.mizan.json.ResultEncoder;
import io.mizan.messages.Messages;
import io.mizan.model.FormModel;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.model.TypeRef;
import io.mizan.security.AccessPolicy;
import io.mizan.security.Caller;
import io.mizan.telemetry.Telemetry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Set;

/**
 * Runs server functions for every entry point (the JAX-RS resource, the hydration filter, and later
 * WebSocket frames and forms) and knows nothing of HTTP. A call is two steps, so that an entry point
 * can refuse a caller before it reads the arguments:
 *
 * <ol>
 *   <li>{@link #authorize}: a server-only function refuses clients (403), then the access rule runs,
 *       once for the call (401/403);</li>
 *   <li>{@link #invoke}: arguments are validated (422), an invalidation frame opens, the method runs
 *       on the bean's proxy (so the {@code @Client} interceptor records its keys without checking
 *       access again), the result is encoded and checked against the model, and the keys of the
 *       outermost call are published.</li>
 * </ol>
 *
 * <pre>{@code
 * Invocation call = invoker.authorize(function, caller, Entry.CLIENT, request);
 * Object[] args = binder.bind(function, json, call);   // the invocation supplies injected parameters
 * Outcome outcome = invoker.invoke(call, args);          // outcome.json(), outcome.keys()
 * }</pre>
 */
public final class Invoker {

    private final Model model;
    private final AccessPolicy access;
    private final LocalizedValidators validators;
    private final BeanTargets targets;
    private final ResultEncoder encoder;
    private final KeyPublisher publisher;
    private final MethodConstraints constraints;
    private final Telemetry telemetry;

    /** An invoker whose entry points record no telemetry. */
    public Invoker(
            Model model,
            AccessPolicy access,
            LocalizedValidators validators,
            BeanTargets targets,
            ResultEncoder encoder,
            KeyPublisher publisher) {
        this(model, access, validators, targets, encoder, publisher, Telemetry.OFF);
    }

    /** @param telemetry what the entry points record each call, context read and channel frame through */
    public Invoker(
            Model model,
            AccessPolicy access,
            LocalizedValidators validators,
            BeanTargets targets,
            ResultEncoder encoder,
            KeyPublisher publisher,
            Telemetry telemetry) {
        this.model = model;
        this.access = access;
        this.validators = validators;
        this.constraints = new MethodConstraints(validators.of(null));
        this.targets = targets;
        this.encoder = encoder;
        this.publisher = publisher;
        this.telemetry = telemetry;
    }

    public Model model() {
        return model;
    }

    /** What Bean Validation has to check on each method, read once, with the server's validator. */
    public MethodConstraints constraints() {
        return constraints;
    }

    /**
     * Spans and metrics: each entry point observes what it runs through the invoker with these, as it
     * alone knows the status it answers.
     */
    public Telemetry telemetry() {
        return telemetry;
    }

    /**
     * Decides whether this caller may make this call: the one place that refuses a client a
     * server-only function and that runs the function's access rule for a call.
     *
     * @param request the servlet request the call came with, or {@code null}
     * @throws MizanException 403 for a server-only function called by a client, 401/403 from the access rule
     */
    public Invocation authorize(FunctionModel function, Caller caller, Entry entry, HttpServletRequest request) {
        return authorize(function, caller, entry, request, null);
    }

    /** {@link #authorize(FunctionModel, Caller, Entry, HttpServletRequest)} with the response, for functions that take it. */
    public Invocation authorize(
            FunctionModel function,
            Caller caller,
            Entry entry,
            HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response) {
        if (entry == Entry.CLIENT && function.serverOnly()) {
            throw Messages.serverOnly(function.name());
        }
        access.enforce(function, caller);
        return new Invocation(function, caller, request, response);
    }

    /**
     * Runs an authorized call with its arguments (injected ones included, in method order).
     *
     * @throws Exception what the method threw, without reflection's or an EJB container's wrapper
     *                   ({@link Failure#of} turns it into an answer); a 422 {@link MizanException}
     *                   when the arguments fail Bean Validation
     */
    public Outcome invoke(Invocation call, Object[] args) throws Exception {
        FunctionModel function = call.function();
        try (BeanTargets.Target target = targets.open(function.beanClass())) {
            Object instance = target.instance();
            validate(call, instance, args);
            // the result is encoded inside the frame: a result the model refuses fails the call, and a
            // failed call publishes no keys, whatever its method did
            InvalidationFrames.Framed<String> framed = InvalidationFrames.run(
                    () -> {
                        Object result;
                        try (CurrentCall.Scope scope = CurrentCall.enter(call.caller(), function)) {
                            result = function.method().invoke(instance, args);
                        } catch (InvocationTargetException e) {
                            throw rethrowable(Failure.unwrap(e));
                        }
                        return encoder.encode(function, result);
                    },
                    publisher);
            return new Outcome(framed.value(), framed.keys());
        }
    }

    /**
     * Runs entry-point code that is not itself a function (a channel's {@code authorize} or
     * {@code receive}) as this caller: the functions it calls in-process are checked against the
     * caller the entry point established, not against whatever the container sees on this thread.
     */
    public <T> T runAs(Caller caller, InvalidationFrames.Work<T> work) throws Exception {
        try (CurrentCall.Scope scope = CurrentCall.enter(caller, null)) {
            return work.run();
        }
    }

    /**
     * Validates a whole value with Bean Validation, as arguments are: a channel's join parameters or
     * a message, for instance.
     *
     * @param root how the value is named in field paths ({@code params}, {@code data})
     * @param type its model type, which gives the JSON names of its properties
     * @param what what it is, for the message ({@code "channel's parameters"})
     * @throws MizanException 422 with field errors when it fails
     */
    public void validateValue(String root, TypeRef type, String what, Object value) {
        if (value == null || constraints.surelyValidValue(value)) {
            return;
        }
        Set<ConstraintViolation<Object>> violations = validators.of(null).validate(value);
        if (!violations.isEmpty()) {
            throw Messages.channelValueNotValid(what, ArgumentViolations.ofValue(model, root, type, violations));
        }
    }

    /** The validator for a call: its messages in the caller's language. */
    public Validator validator(Invocation call) {
        return validators.of(call.locale());
    }

    /**
     * Field errors of a form record, with paths from the form's fields ({@code email}, not
     * {@code form.email}); a class-level constraint's error has the path {@code ""}, or the field its
     * validator names.
     */
    public List<FieldError> formErrors(FormModel form, Object record, Validator validator) {
        return formErrors(form, validator.validate(record));
    }

    /** Field errors of violations found on a form record or on one of its fields, with the form's paths. */
    public List<FieldError> formErrors(FormModel form, Set<? extends ConstraintViolation<?>> violations) {
        return ArgumentViolations.ofValue(model, "", form.type(), violations);
    }

    private void validate(Invocation call, Object instance, Object[] args) {
        FunctionModel function = call.function();
        FormModel form = model.formSubmittedBy(function).orElse(null);
        Object record = form == null ? null : args[formIndex(function, form)];
        if (constraints.surelyValid(function.method(), args)
                && (record == null || constraints.surelyValidValue(record))) {
            return; // nothing to check, or surely valid: no validation call at all
        }
        // most calls pass: check with the server's validator, and only a call that fails again with
        // one in the caller's language, for its messages (reading Accept-Language costs every call)
        if (violations(function, record, instance, args, constraints.validator())) {
            Validator localized = validator(call);
            Set<ConstraintViolation<Object>> violations =
                    localized.forExecutables().validateParameters(instance, function.method(), args);
            if (!violations.isEmpty()) {
                throw Messages.argumentsNotValid(ArgumentViolations.toFieldErrors(model, function, violations));
            }
            if (record != null) { // the record is the form: validated whole, as its own root
                List<FieldError> errors = formErrors(form, record, localized);
                if (!errors.isEmpty()) {
                    throw Messages.formNotValid(errors);
                }
            }
        }
    }

    private static boolean violations(
            FunctionModel function, Object record, Object instance, Object[] args, Validator validator) {
        if (!validator
                .forExecutables()
                .validateParameters(instance, function.method(), args)
                .isEmpty()) {
            return true;
        }
        return record != null && !validator.validate(record).isEmpty();
    }

    private static int formIndex(FunctionModel function, FormModel form) {
        return function.params().stream()
                .filter(p -> p.name().equals(form.parameter()))
                .findFirst()
                .orElseThrow()
                .index();
    }

    private static Exception rethrowable(Throwable t) {
        if (t instanceof Exception e) {
            return e;
        }
        throw (Error) t;
    }
}
