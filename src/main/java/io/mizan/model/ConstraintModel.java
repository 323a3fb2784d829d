package io.mizan.model;

import java.util.Map;

/**
 * A Bean Validation constraint found on a parameter or property, kept for client-side validation.
 *
 * @param name the annotation's simple name: {@code NotBlank}, {@code Size}, {@code Pattern}...
 * @param annotationType the annotation's class name
 * @param attributes its attributes other than {@code groups} and {@code payload}; {@code message} only when
 *                   it is plain text rather than a {@code {...}} template
 */
public record ConstraintModel(String name, String annotationType, Map<String, Object> attributes) {
    public ConstraintModel {
        attributes = Map.copyOf(attributes);
    }
}
