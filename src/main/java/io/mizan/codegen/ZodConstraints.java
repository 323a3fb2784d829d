package io.mizan.codegen;

import io.mizan.model.ConstraintModel;
import io.mizan.model.TypeRef;
import io.mizan.schema.JavaRegex;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the Bean Validation constraints of a value onto its Zod schema, with the server's own
 * messages (Hibernate Validator's English defaults, or the constraint's own plain message).
 *
 * <pre>{@code
 * @Size(max = 80) String name -> .max(80, { message: 'size must be between 0 and 80' })
 * @AssertTrue boolean agreed  -> .refine((v) => v, { message: 'must be true' })
 * }</pre>
 *
 * <p>Only the constraints of {@code jakarta.validation.constraints} are translated, and only onto the
 * types they apply to; others are skipped, since the server checks every constraint anyway.
 * {@code @NotNull} adds nothing: a value that is not {@code Optional} or {@code @Nullable} is already
 * non-null in the generated types. protocol/constraints.json lists, case by case, where the schemas and
 * Hibernate Validator agree and where they cannot.
 */
final class ZodConstraints {

    /** What a constraint can apply to. */
    private enum Kind {
        TEXT,
        NUMBER,
        BOOLEAN,
        DATE,
        DATE_TIME,
        ARRAY,
        MAP,
        OTHER
    }

    /**
     * A schema with its constraints written on, and the refinements that still refuse null when the
     * value is nullable ({@code @NotBlank}, {@code @NotEmpty}): they go after {@code .nullable()}.
     */
    record Constrained(ZodExpr expr, List<String> nullRefusals) {}

    private final Set<ZodHelper> helpers;

    /** The constraint's own message while it is being written, when it has a plain one. */
    private String customMessage;

    /** @param helpers where the helpers the written constraints call are noted */
    ZodConstraints(Set<ZodHelper> helpers) {
        this.helpers = helpers;
    }

    /** The standard constraints among {@code constraints} written onto {@code expr}, the schema of {@code type}. */
    Constrained apply(ZodExpr expr, TypeRef type, List<ConstraintModel> constraints) {
        List<String> refinements = new ArrayList<>();
        List<String> nullRefusals = new ArrayList<>();
        Kind kind = kind(type);
        // a record component's constraint reaches the model from its field, accessor and type use alike
        for (ConstraintModel c : constraints.stream().distinct().toList()) {
            if (c.isStandard()) {
                expr = constrain(expr, refinements, nullRefusals, c, kind);
            }
        }
        for (String refinement : refinements) {
            expr = expr.call(refinement);
        }
        return new Constrained(expr, nullRefusals);
    }

    private static Kind kind(TypeRef type) {
        if (type instanceof TypeRef.Scalar s) {
            return switch (s.kind()) {
                case STRING -> Kind.TEXT;
                case INTEGER, NUMBER -> Kind.NUMBER;
                case BOOLEAN -> Kind.BOOLEAN;
                case DATE -> Kind.DATE;
                case DATE_TIME -> Kind.DATE_TIME;
                case TIME, DURATION, UUID -> Kind.OTHER;
            };
        }
        if (type instanceof TypeRef.ListOf) {
            return Kind.ARRAY;
        }
        if (type instanceof TypeRef.MapOf) {
            return Kind.MAP;
        }
        return Kind.OTHER;
    }

    private ZodExpr constrain(
            ZodExpr expr, List<String> refinements, List<String> nullRefusals, ConstraintModel c, Kind kind) {
        customMessage = c.attributes().get("message") instanceof String s ? s : null;
        try {
            return constrainWithMessages(expr, refinements, nullRefusals, c, kind);
        } finally {
            customMessage = null;
        }
    }

    private ZodExpr constrainWithMessages(
            ZodExpr expr, List<String> refinements, List<String> nullRefusals, ConstraintModel c, Kind kind) {
        boolean sized = kind == Kind.TEXT || kind == Kind.ARRAY;
        switch (c.name()) {
            case "Null":
                refinements.add(".refine(() => false, " + message("must be null") + ")");
                return expr;
            case "NotBlank":
                if (kind != Kind.TEXT) {
                    return expr;
                }
                nullRefusals.add(refine("v != null", "must not be blank"));
                // blank as String.trim() sees it: nothing but U+0000 to U+0020
                return expr.call(".regex(/[^\\x00-\\x20]/, " + message("must not be blank") + ")");
            case "NotEmpty":
                if (sized || kind == Kind.MAP) {
                    nullRefusals.add(refine("v != null", "must not be empty"));
                }
                if (sized) {
                    return expr.call(".min(1, " + message("must not be empty") + ")");
                }
                if (kind == Kind.MAP) {
                    refinements.add(refine("Object.keys(v).length > 0", "must not be empty"));
                }
                return expr;
            case "Size": {
                int min = intAttribute(c, "min", 0);
                int max = intAttribute(c, "max", Integer.MAX_VALUE);
                String text = "size must be between " + min + " and " + max;
                if (sized) {
                    if (min > 0) {
                        expr = expr.call(".min(" + min + ", " + message(text) + ")");
                    }
                    return max < Integer.MAX_VALUE ? expr.call(".max(" + max + ", " + message(text) + ")") : expr;
                }
                if (kind == Kind.MAP) {
                    if (min > 0) {
                        refinements.add(refine("Object.keys(v).length >= " + min, text));
                    }
                    if (max < Integer.MAX_VALUE) {
                        refinements.add(refine("Object.keys(v).length <= " + max, text));
                    }
                }
                return expr;
            }
            case "Min":
            case "Max": {
                Object value = c.attributes().get("value");
                if (kind != Kind.NUMBER || !(value instanceof Number n)) {
                    return expr;
                }
                boolean min = c.name().equals("Min");
                String text = (min ? "must be greater than or equal to " : "must be less than or equal to ") + n;
                return expr.call((min ? ".min(" : ".max(") + n + ", " + message(text) + ")");
            }
            case "DecimalMin":
            case "DecimalMax": {
                Optional<BigDecimal> value = decimal(c.attributes().get("value"));
                if (kind != Kind.NUMBER || value.isEmpty()) {
                    return expr;
                }
                boolean min = c.name().equals("DecimalMin");
                boolean inclusive = !Boolean.FALSE.equals(c.attributes().get("inclusive"));
                String text = (min ? "must be greater than " : "must be less than ")
                        + (inclusive ? "or equal to " : "")
                        + c.attributes().get("value");
                String method = (min ? ".g" : ".l") + (inclusive ? "te(" : "t(");
                return expr.call(method + value.get() + ", " + message(text) + ")");
            }
            case "Positive":
                return kind == Kind.NUMBER ? expr.call(".positive(" + message("must be greater than 0") + ")") : expr;
            case "PositiveOrZero":
                return kind == Kind.NUMBER
                        ? expr.call(".nonnegative(" + message("must be greater than or equal to 0") + ")")
                        : expr;
            case "Negative":
                return kind == Kind.NUMBER ? expr.call(".negative(" + message("must be less than 0") + ")") : expr;
            case "NegativeOrZero":
                return kind == Kind.NUMBER
                        ? expr.call(".nonpositive(" + message("must be less than or equal to 0") + ")")
                        : expr;
            case "Email": {
                if (kind != Kind.TEXT) {
                    return expr;
                }
                // Hibernate Validator's own reading, not Zod's email(): it takes "" and a@localhost, for one
                helpers.add(ZodHelper.EMAIL);
                String test = "isEmail(v)";
                Object regexp = c.attributes().get("regexp");
                if (regexp instanceof String r && !r.equals(".*")) {
                    Optional<JavaRegex.Literal> literal = JavaRegex.toJavaScript(r, flags(c));
                    if (literal.isPresent()) {
                        test += " && " + literal.get() + ".test(v)";
                    }
                }
                refinements.add(refine(test, "must be a well-formed email address"));
                return expr;
            }
            case "Pattern": {
                if (kind != Kind.TEXT || !(c.attributes().get("regexp") instanceof String regexp)) {
                    return expr;
                }
                Optional<JavaRegex.Literal> literal = JavaRegex.toJavaScript(regexp, flags(c));
                return literal.isEmpty()
                        ? expr
                        : expr.call(".regex(" + literal.get() + ", " + message("must match \"" + regexp + "\"") + ")");
            }
            case "Digits": {
                int integer = intAttribute(c, "integer", -1);
                int fraction = intAttribute(c, "fraction", -1);
                if (integer >= 0 && fraction >= 0 && (kind == Kind.NUMBER || kind == Kind.TEXT)) {
                    helpers.add(ZodHelper.DIGITS);
                    String value = kind == Kind.NUMBER ? "String(v)" : "v";
                    refinements.add(refine(
                            "fitsDigits(" + value + ", " + integer + ", " + fraction + ")",
                            "numeric value out of bounds (<" + integer + " digits>.<" + fraction
                                    + " digits> expected)"));
                }
                return expr;
            }
            case "AssertTrue":
                if (kind == Kind.BOOLEAN) {
                    refinements.add(refine("v", "must be true"));
                }
                return expr;
            case "AssertFalse":
                if (kind == Kind.BOOLEAN) {
                    refinements.add(refine("!v", "must be false"));
                }
                return expr;
            case "Past":
            case "PastOrPresent":
            case "Future":
            case "FutureOrPresent": {
                if (kind != Kind.DATE && kind != Kind.DATE_TIME) {
                    return expr;
                }
                helpers.add(ZodHelper.TEMPORAL);
                String test =
                        switch (c.name()) {
                            case "Past" -> " < 0";
                            case "PastOrPresent" -> " <= 0";
                            case "Future" -> " > 0";
                            default -> " >= 0";
                        };
                String text =
                        switch (c.name()) {
                            case "Past" -> "must be a past date";
                            case "PastOrPresent" -> "must be a date in the past or in the present";
                            case "Future" -> "must be a future date";
                            default -> "must be a date in the present or in the future";
                        };
                refinements.add(refine("compareToNow(v, " + (kind == Kind.DATE) + ")" + test, text));
                return expr;
            }
            default:
                return expr; // @NotNull holds already; others are left to the server
        }
    }

    private String refine(String test, String text) {
        return ".refine((v) => " + test + ", " + message(text) + ")";
    }

    private String message(String text) {
        return "{ message: " + TsNames.string(customMessage != null ? customMessage : text) + " }";
    }

    private static int intAttribute(ConstraintModel c, String name, int fallback) {
        return c.attributes().get(name) instanceof Number n ? n.intValue() : fallback;
    }

    private static Optional<BigDecimal> decimal(Object value) {
        if (!(value instanceof String s)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<String> flags(ConstraintModel c) {
        Object flags = c.attributes().get("flags");
        if (flags instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
