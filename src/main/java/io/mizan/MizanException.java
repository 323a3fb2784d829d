package io.mizan;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Fails a call on purpose with an HTTP status and a message the caller may read. The answer is
 * {@code application/problem+json} with that status, the message as {@code detail}, when given a
 * {@code code} that programs can test instead of parsing the text, and the field errors as
 * {@code errors}.
 *
 * <pre>{@code
 * if (store.nameTaken(name)) {
 *     throw MizanException.invalid("name", "is already taken");                          // 422
 * }
 * throw new MizanException(409, "The order was already shipped");                        // 409
 * throw MizanException.withCode(409, "ORDER_SHIPPED", "The order was already shipped");  // 409, code
 * }</pre>
 *
 * <p>Mizan's own errors carry codes {@code MIZAN-100} and up (listed in {@code docs/problems.md});
 * codes that start with {@code MIZAN-} are kept for them.
 */
public class MizanException extends RuntimeException {

    /** A code is a short token: letters, digits and {@code _ - . :}, at most 64 characters. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private final int status;
    private final String code;
    private final List<FieldError> fieldErrors;
    private long retryAfterSeconds;

    /** A refusal with a status and a message: {@code new MizanException(409, "Already shipped")}. */
    public MizanException(int status, String message) {
        this(status, null, message, List.of());
    }

    /** A refusal with field errors, usually a 422. */
    public MizanException(int status, String message, List<FieldError> fieldErrors) {
        this(status, null, message, fieldErrors);
    }

    /**
     * A refusal with a code for programs, a message for people and field errors.
     *
     * @param status a 4xx or 5xx HTTP status
     * @param code the problem's {@code code}, such as {@code ORDER_SHIPPED}, or {@code null} for none:
     *             letters, digits and {@code _ - . :}, at most 64 characters
     * @param message the problem's {@code detail}
     * @param fieldErrors the problem's {@code errors}, empty for none
     * @throws IllegalArgumentException for a status outside 400-599 or a malformed code
     */
    public MizanException(int status, String code, String message, List<FieldError> fieldErrors) {
        super(message, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be a 4xx or 5xx code, not " + status);
        }
        if (code != null && !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    "a code is 1 to 64 letters, digits, '_', '-', '.' or ':', not '" + code + "'");
        }
        this.status = status;
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /**
     * A refusal with a code that the client reads as {@code error.code}:
     * {@code MizanException.withCode(409, "ORDER_SHIPPED", "The order was already shipped")}.
     */
    public static MizanException withCode(int status, String code, String message) {
        return new MizanException(status, code, message, List.of());
    }

    /**
     * A 422 for one field: {@code MizanException.invalid("email", "is already registered")}. It is
     * answered as a failed Bean Validation constraint is ({@code MIZAN-137}), so that a client treats a
     * check the handler makes like one the annotations make.
     */
    public static MizanException invalid(String path, String message) {
        return new MizanException(
                422, "MIZAN-137", "Some arguments are not valid", List.of(new FieldError(path, message)));
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** The problem's {@code code} ({@code ORDER_SHIPPED}, {@code MIZAN-100}), or {@code null} when it has none. */
    public String code() {
        return code;
    }

    /** The field errors sent as {@code errors}; empty when there are none. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /**
     * Asks the caller to wait before trying again: the answer carries {@code Retry-After} (a 429 or a
     * 503, typically).
     *
     * <pre>{@code throw MizanException.withCode(429, "TOO_FAST", "Slow down").retryAfter(Duration.ofSeconds(30));}</pre>
     *
     * @return this exception
     */
    public MizanException retryAfter(java.time.Duration wait) {
        this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return this;
    }

    /** The seconds the caller should wait before trying again; 0 when it need not. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
