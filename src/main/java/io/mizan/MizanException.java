package io.mizan;

import java.util.List;

/**
 * Fails a call on purpose with an HTTP status and a message the caller may read. The answer is
 * {@code application/problem+json} with that status, the message as {@code detail} and, when
 * given, the field errors as {@code errors}.
 *
 * <pre>{@code
 * if (store.nameTaken(name)) {
 *     throw MizanException.invalid("name", "is already taken");     // 422
 * }
 * throw new MizanException(409, "The order was already shipped");   // 409
 * }</pre>
 */
public class MizanException extends RuntimeException {

    private final int status;
    private final List<FieldError> fieldErrors;

    public MizanException(int status, String message) {
        this(status, message, List.of());
    }

    public MizanException(int status, String message, List<FieldError> fieldErrors) {
        super(message, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be a 4xx or 5xx code, not " + status);
        }
        this.status = status;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** A 422 for one field: {@code MizanException.invalid("email", "is already registered")}. */
    public static MizanException invalid(String path, String message) {
        return new MizanException(422, "Invalid arguments", List.of(new FieldError(path, message)));
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** The field errors sent as {@code errors}; empty when there are none. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
