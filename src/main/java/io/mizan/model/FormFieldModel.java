package io.mizan.model;

import java.util.List;
import java.util.Locale;

/**
 * One field of a form: a component of its record, with what it takes to render it.
 *
 * @param name the JSON name ({@code @JsonbProperty} when present)
 * @param javaName the component's name, which Bean Validation reports
 * @param type its JSON type
 * @param javaType the component's generic Java type, which the binder reads a value as
 * @param label the label: {@code @FormField(label)}, else the humanized component name
 * @param help a line of help, or empty
 * @param placeholder a placeholder, or empty
 * @param widget the widget's name ({@code text}, {@code textarea}, {@code select}...)
 * @param required whether it must be given (not {@code @Nullable} or {@code Optional})
 * @param constraints its Bean Validation constraints
 * @param choices an enum's constants, the values a select offers; empty for other types
 */
public record FormFieldModel(
        String name,
        String javaName,
        TypeRef type,
        java.lang.reflect.Type javaType,
        String label,
        String help,
        String placeholder,
        String widget,
        boolean required,
        List<ConstraintModel> constraints,
        List<String> choices) {

    public FormFieldModel {
        constraints = List.copyOf(constraints);
        choices = List.copyOf(choices);
    }

    /**
     * The JSON type of its value, as the form's schema names it: {@code string}, {@code integer},
     * {@code date}, {@code datetime}, {@code array}, {@code object}... An enum's is {@code string}.
     */
    public String typeName() {
        TypeRef bare = bare();
        if (bare instanceof TypeRef.Scalar s) {
            return switch (s.kind()) {
                case DATE_TIME -> "datetime";
                default -> s.kind().name().toLowerCase(Locale.ROOT);
            };
        }
        if (bare instanceof TypeRef.EnumRef) {
            return "string";
        }
        if (bare instanceof TypeRef.ListOf) {
            return "array";
        }
        return "object";
    }

    /**
     * Whether its value is a moment written with a UTC offset ({@code Instant}, {@code OffsetDateTime}...): the
     * client adds the browser's offset to the local date and time an input gives, and shows a value in local time.
     */
    public boolean offset() {
        return bare() instanceof TypeRef.Scalar s && s.carriesOffset();
    }

    /** Its type without the nullability of an optional field. */
    private TypeRef bare() {
        return type instanceof TypeRef.Nullable n ? n.inner() : type;
    }
}
