package io.mizan.codegen;

import io.mizan.model.ConstraintModel;
import io.mizan.model.TypeRef;
import io.mizan.schema.JavaRegex;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Writes Zod schemas for JSON types and the Bean Validation constraints on them, so a form can check
 * a value before it is sent, with the server's own messages (Hibernate Validator's English defaults).
 *
 * <pre>{@code
 * @NotBlank @Size(max = 80) String name
 *   -> z.string().regex(/[^\x00-\x20]/, { message: 'must not be blank' }).max(80, { message: 'size must be between 0 and 80' })
 * @Min(1) int page            -> z.number().int().min(1, { message: 'must be greater than or equal to 1' })
 * @Nullable String lang       -> z.string().nullish()   (an argument the caller may leave out)
 * }</pre>
 *
 * <p>Only the constraints of {@code jakarta.validation.constraints} are translated, and only onto the
 * types they apply to; others are skipped, since the server checks every constraint anyway.
 * {@code @NotNull} adds nothing: a value that is not {@code Optional} or {@code @Nullable} is already
 * non-null in the generated types. protocol/constraints.json lists, case by case, where the schemas and
 * Hibernate Validator agree and where they cannot.
 */
final class ZodSchemas {

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

    private final UnaryOperator<String> schemaRef;
    private final Predicate<String> lazy;
    private final Set<ZodHelper> helpers = EnumSet.noneOf(ZodHelper.class);

    /**
     * @param schemaRef the schema constant (or factory) of each named type: {@code roleSchema}
     * @param lazy whether a reference to the named type must be deferred with {@code z.lazy}, because
     *             it is defined later in the file or recursively
     */
    ZodSchemas(UnaryOperator<String> schemaRef, Predicate<String> lazy) {
        this.schemaRef = schemaRef;
        this.lazy = lazy;
    }

    /** The helpers the expressions written so far call. */
    Set<ZodHelper> helpers() {
        return helpers;
    }

    /** The schema of a type with the constraints of the parameter or property that has it. */
    ZodExpr expression(TypeRef type, List<ConstraintModel> constraints, boolean mayBeLeftOut) {
        TypeRef inner = type instanceof TypeRef.Nullable n ? n.inner() : type;
        ZodExpr expr = base(inner);
        List<String> refinements = new ArrayList<>();
        List<String> nullRefusals = new ArrayList<>();
        Kind kind = kind(inner);
        // a record component's constraint reaches the model from its field, accessor and type use alike
        for (ConstraintModel c : constraints.stream().distinct().toList()) {
            if (c.isStandard()) {
                expr = constrain(expr, refinements, nullRefusals, c, kind);
            }
        }
        for (String refinement : refinements) {
            expr = expr.call(refinement);
        }
        if (type instanceof TypeRef.Nullable) {
            expr = expr.call(mayBeLeftOut ? ".nullish()" : ".nullable()");
            // @Nullable lets null through binding, but @NotBlank and @NotEmpty still refuse it
            for (String refusal : nullRefusals) {
                expr = expr.call(refusal);
            }
        }
        return expr;
    }

    /** The schema of a type without constraints. */
    ZodExpr base(TypeRef type) {
        if (type instanceof TypeRef.Scalar s) {
            return switch (s.kind()) {
                case STRING, DATE, DATE_TIME, TIME, DURATION -> ZodExpr.of("z", ".string()");
                case UUID -> ZodExpr.of("z", ".string()", ".uuid()");
                case INTEGER -> ZodExpr.of("z", ".number()", ".int()");
                case NUMBER -> ZodExpr.of("z", ".number()");
                case BOOLEAN -> ZodExpr.of("z", ".boolean()");
            };
        }
        if (type instanceof TypeRef.EnumRef e) {
            return named(e.name(), schemaRef.apply(e.name()));
        }
        if (type instanceof TypeRef.ObjectRef o) {
            String ref = schemaRef.apply(o.name());
            if (!o.arguments().isEmpty()) {
                ref += o.arguments().stream().map(a -> base(a).inline()).collect(Collectors.joining(", ", "(", ")"));
            }
            return named(o.name(), ref);
        }
        if (type instanceof TypeRef.TypeVar v) {
            return ZodExpr.of(typeVarParam(v.name()));
        }
        if (type instanceof TypeRef.ListOf l) {
            return ZodExpr.of("z", ".array(" + base(l.item()).inline() + ")");
        }
        if (type instanceof TypeRef.MapOf m) {
            String key = m.key() instanceof TypeRef.EnumRef ? base(m.key()).inline() : "z.string()";
            return ZodExpr.of("z", ".record(" + key + ", " + base(m.value()).inline() + ")");
        }
        if (type instanceof TypeRef.Nullable n) {
            return base(n.inner()).call(".nullable()");
        }
        if (type instanceof TypeRef.Void) {
            return ZodExpr.of("z", ".null()");
        }
        helpers.add(ZodHelper.JSON);
        return ZodExpr.of("jsonData");
    }

    /** The value parameter of a generic schema factory that carries the schema of a type variable. */
    static String typeVarParam(String typeVar) {
        return TsNames.lowerFirst(typeVar);
    }

    private ZodExpr named(String typeName, String ref) {
        return lazy.test(typeName) ? ZodExpr.of("z", ".lazy(() => " + ref + ")") : ZodExpr.of(ref);
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

    /** The constraint's own message while it is being written, when it has a plain one. */
    private String customMessage;

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
