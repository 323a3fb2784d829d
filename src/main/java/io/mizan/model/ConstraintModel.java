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
    /** The package of the constraints Bean Validation defines. */
    public static final String STANDARD_PACKAGE = "jakarta.validation.constraints.";

    public ConstraintModel {
        attributes = Map.copyOf(attributes);
    }

    /** Whether this is the Bean Validation constraint of that simple name ({@code NotNull}), not a look-alike. */
    public boolean isStandard(String simpleName) {
        return name.equals(simpleName) && annotationType.equals(STANDARD_PACKAGE + simpleName);
    }

    /** Whether this is one of the constraints Bean Validation defines. */
    public boolean isStandard() {
        return isStandard(name);
    }
}
