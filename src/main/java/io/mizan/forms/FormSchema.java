package io.mizan.forms;

import io.mizan.model.ConstraintModel;
import io.mizan.model.FormFieldModel;
import io.mizan.model.FormModel;
import io.mizan.schema.NamedConstraints;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * What {@code <form>.schema} answers: enough to render the form with no generated code.
 *
 * <pre>{@code
 * {"title": "Contact Us", "fields": [{"name": "email", "type": "string", "label": "Email",
 *   "required": true, "widget": "email", "constraints": {"Email": {}, "NotBlank": {}}}]}
 * }</pre>
 *
 * Fields come in record order; {@code help} and {@code placeholder} only when set, {@code choices}
 * only for an enum (its constants), {@code "offset": true} only for a moment written with its UTC offset
 * ({@code Instant}, {@code OffsetDateTime}...), to which a client adds its offset to the local time an input gives.
 */
final class FormSchema {

    private static final JsonProvider JSON = JsonProvider.provider();

    private FormSchema() {}

    static JsonObject of(FormModel form) {
        JsonArrayBuilder fields = JSON.createArrayBuilder();
        for (FormFieldModel field : form.fields()) {
            fields.add(field(field));
        }
        return JSON.createObjectBuilder()
                .add("title", form.title())
                .add("fields", fields)
                .build();
    }

    private static JsonObjectBuilder field(FormFieldModel field) {
        JsonObjectBuilder out = JSON.createObjectBuilder()
                .add("name", field.name())
                .add("type", field.typeName())
                .add("label", field.label())
                .add("required", field.required())
                .add("widget", field.widget());
        if (field.offset()) {
            out.add("offset", true);
        }
        if (!field.help().isEmpty()) {
            out.add("help", field.help());
        }
        if (!field.placeholder().isEmpty()) {
            out.add("placeholder", field.placeholder());
        }
        JsonObjectBuilder constraints = JSON.createObjectBuilder();
        for (ConstraintModel c : field.constraints()) {
            constraints.add(c.name(), NamedConstraints.attributes(c));
        }
        out.add("constraints", constraints);
        if (!field.choices().isEmpty()) {
            JsonArrayBuilder choices = JSON.createArrayBuilder();
            field.choices().forEach(choices::add);
            out.add("choices", choices);
        }
        return out;
    }
}
