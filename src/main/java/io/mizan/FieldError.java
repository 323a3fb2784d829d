package io.mizan;

import java.util.Objects;

/**
 * One invalid field of a call's arguments, as sent in a 422 answer's {@code errors} array.
 *
 * @param path the argument name, then property names and indexes: {@code name},
 *             {@code address.city}, {@code items[2].quantity}
 * @param message what is wrong, for a person to read
 */
public record FieldError(String path, String message) {
    public FieldError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }
}
