package io.mizan.model;

import java.util.List;

/**
 * One property of an object type.
 *
 * @param name the JSON name ({@code @JsonbProperty} when present): the one name used on the wire, in
 *             error paths and in generated code
 * @param javaName the Java property name, which Bean Validation reports in its paths
 * @param type its type; {@link TypeRef.Nullable} when it may be null
 * @param constraints its Bean Validation constraints
 */
public record PropertyModel(String name, String javaName, TypeRef type, List<ConstraintModel> constraints) {
    public PropertyModel {
        constraints = List.copyOf(constraints);
    }
}
