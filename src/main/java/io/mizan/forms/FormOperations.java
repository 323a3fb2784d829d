package io.mizan.forms;

import io.mizan.FieldError;
import io.mizan.MizanException;
import io.mizan.invoke.Invocation;
import io.mizan.invoke.Invoker;
import io.mizan.json.ArgumentBinder;
import io.mizan.messages.Messages;
import io.mizan.model.FormFieldModel;
import io.mizan.model.FormModel;
import io.mizan.model.Model;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a form adds to the functions: {@code <form>.schema} and {@code <form>.validate}, which run no
 * handler, and the reading of {@code <form>.submit}'s record field by field, so that a field of the
 * wrong type is a field error (422) the form can show, like a failed constraint, not a 400.
 * Both are authorized by the invoker with the form's access rule before anything here runs.
 *
 * <pre>{@code
 * forms.find("contact.validate")   // Optional[Operation[form=contact, kind=VALIDATE]]
 * forms.run(operation, body, call) // {"valid":false,"errors":[{"path":"email","message":"..."}]}
 * }</pre>
 */
public final class FormOperations {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** What a form function does besides submitting. */
    public enum Kind {
        SCHEMA,
        VALIDATE
    }

    /** A form function that runs no handler. */
    public record Operation(FormModel form, Kind kind) {
        /** The function's name: {@code contact.validate}. */
        public String name() {
            return form.name() + (kind == Kind.SCHEMA ? FormModel.SCHEMA : FormModel.VALIDATE);
        }
    }

    private final Invoker invoker;
    private final ArgumentBinder binder;
    private final Map<String, String> schemas = new HashMap<>();

    public FormOperations(Invoker invoker, ArgumentBinder binder) {
        this.invoker = invoker;
        this.binder = binder;
        for (FormModel form : invoker.model().forms().values()) {
            schemas.put(form.name(), FormSchema.of(form).toString()); // the same for every caller: written once
        }
    }

    /** The schema or validate operation of this name, if it is one. */
    public Optional<Operation> find(String name) {
        Model model = invoker.model();
        for (Kind kind : Kind.values()) {
            String suffix = kind == Kind.SCHEMA ? FormModel.SCHEMA : FormModel.VALIDATE;
            if (name.endsWith(suffix)) {
                return model.form(name.substring(0, name.length() - suffix.length()))
                        .map(form -> new Operation(form, kind));
            }
        }
        return Optional.empty();
    }

    /**
     * Runs an authorized operation on the call's body ({@code {}} for the schema; {@code {"form": {...}}}
     * for validate, named after the handler's parameter); returns the result as JSON.
     */
    public String run(Operation operation, JsonObject body, Invocation call) {
        FormModel form = operation.form();
        if (operation.kind() == Kind.SCHEMA) {
            if (!body.isEmpty()) {
                throw Messages.unknownArguments(operation.name(), body.keySet(), List.of());
            }
            return schemas.get(form.name());
        }
        checkArguments(operation.name(), form, body);
        JsonValue given = body.get(form.parameter());
        if (given.getValueType() == JsonValue.ValueType.NULL) {
            throw Messages.argumentNull(form.parameter()); // as a submit answers it
        }
        if (!(given instanceof JsonObject fields)) {
            throw Messages.argumentWrongType(form.parameter(), "an object");
        }
        List<FieldError> errors = check(form, fields, invoker.validator(call), true);
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (FieldError e : errors) {
            list.add(JSON.createObjectBuilder().add("path", e.path()).add("message", e.message()));
        }
        return JSON.createObjectBuilder()
                .add("valid", errors.isEmpty())
                .add("errors", list)
                .build()
                .toString();
    }

    /**
     * Reads a submit's record field by field before it is bound: a field that is missing, null where
     * it may not be, or of the wrong type is a field error, reported (422) with the constraint
     * failures of the fields that could be read.
     */
    public void checkSubmit(FormModel form, JsonObject body, Invocation call) {
        if (body.get(form.parameter()) instanceof JsonObject fields) {
            List<FieldError> errors = check(form, fields, invoker.validator(call), false);
            if (!errors.isEmpty()) {
                throw Messages.formNotValid(errors);
            }
        }
    }

    private static void checkArguments(String function, FormModel form, JsonObject body) {
        TreeSet<String> unknown = new TreeSet<>(body.keySet());
        unknown.remove(form.parameter());
        if (!unknown.isEmpty()) {
            throw Messages.unknownArguments(function, unknown, List.of(form.parameter()));
        }
        if (!body.containsKey(form.parameter())) {
            throw Messages.missingArguments(function, List.of(form.parameter()));
        }
    }

    /** A required field's message when it is left empty and no constraint of its own says more: the runtime's too. */
    static final String REQUIRED = "must not be null";

    /**
     * The field errors of a form: each given field read and checked on its own; when every field is
     * given and readable, the whole record checked (its class-level constraints included).
     *
     * @param partial whether fields may be left out (validate) or a missing one is an error (submit)
     * @return the errors; for a submit whose fields all read, none (the invoker checks the record)
     */
    private List<FieldError> check(FormModel form, JsonObject fields, Validator validator, boolean partial) {
        TreeSet<String> unknown = new TreeSet<>(fields.keySet());
        form.fields().forEach(f -> unknown.remove(f.name()));
        if (!unknown.isEmpty()) {
            throw Messages.unknownProperties(
                    form.parameter(),
                    unknown,
                    form.fields().stream().map(FormFieldModel::name).toList());
        }
        List<FieldError> errors = new ArrayList<>();
        boolean whole = true;
        boolean unreadable = false;
        for (FormFieldModel field : form.fields()) {
            if (!fields.containsKey(field.name()) && partial) {
                whole = false;
                continue;
            }
            JsonValue given = fields.get(field.name());
            if (field.required() && (given == null || given.getValueType() == JsonValue.ValueType.NULL)) {
                // a field left empty: its own constraints' messages (@NotNull's, @NotBlank's), as the browser
                // shows them, rather than the binder's "Argument 'x' must not be null"
                List<FieldError> empty =
                        invoker.formErrors(form, validator.validateValue(recordType(form), field.javaName(), null));
                errors.addAll(empty.isEmpty() ? List.of(new FieldError(field.name(), REQUIRED)) : empty);
                unreadable = true;
                continue;
            }
            Object value;
            try {
                value = binder.read(field.name(), field.type(), field.javaType(), given);
            } catch (MizanException e) {
                errors.add(new FieldError(field.name(), e.getMessage()));
                unreadable = true;
                continue;
            }
            errors.addAll(invoker.formErrors(form, validator.validateValue(recordType(form), field.javaName(), value)));
        }
        if (!partial && !unreadable) {
            return List.of(); // all read: the invoker validates the whole record
        }
        if (whole && !unreadable) {
            Object record = binder.read(form.parameter(), form.type(), form.recordType(), fields);
            errors = new ArrayList<>(invoker.formErrors(form, record, validator));
        }
        errors.sort(Comparator.comparing(FieldError::path).thenComparing(FieldError::message));
        return errors;
    }

    @SuppressWarnings("unchecked")
    private static Class<Object> recordType(FormModel form) {
        return (Class<Object>) form.recordType();
    }
}
