package io.mizan.model;

import java.util.List;

/**
 * One property of an object type.
 *
 * @param name the JSON name ({@code @JsonbProperty} when present)
 * @param type its type; {@link TypeRef.Nullable} when it may be null
 * @param constraints its Bean Validation constraints
 */
public record PropertyModel(String name, TypeRef type, List<ConstraintModel> constraints) {
    public PropertyModel {
        constraints = List.copyOf(constraints);
    }
}
