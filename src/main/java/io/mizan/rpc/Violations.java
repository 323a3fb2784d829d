package io.mizan.rpc;

import io.mizan.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Turns Bean Validation violations of a call's arguments into field errors with real parameter names. */
final class Violations {

    private Violations() {
    }

    static List<FieldError> toFieldErrors(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new FieldError(path(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::path).thenComparing(FieldError::message))
                .toList();
    }

    /** {@code updateName.name} becomes {@code name}; {@code save.order.items[2].qty} becomes {@code order.items[2].qty}. */
    static String path(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.CROSS_PARAMETER
                    || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.isInIterable()) {
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                out.append('[').append(at == null ? "" : at).append(']');
            }
            if (kind == ElementKind.CONTAINER_ELEMENT || kind == ElementKind.BEAN || node.getName() == null) {
                continue;
            }
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(node.getName());
        }
        return out.toString();
    }
}
