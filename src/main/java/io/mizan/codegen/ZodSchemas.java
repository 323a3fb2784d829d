package io.mizan.codegen;

import io.mizan.model.ConstraintModel;
import io.mizan.model.ScalarKind;
import io.mizan.model.TypeRef;

import java.util.EnumSet;
import java.util.List;
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
 * <p>The constraints are written by {@link ZodConstraints}.
 */
final class ZodSchemas {

    private final UnaryOperator<String> schemaRef;
    private final Predicate<String> lazy;
    private final Set<ZodHelper> helpers = EnumSet.noneOf(ZodHelper.class);
    private final ZodConstraints zodConstraints = new ZodConstraints(helpers);

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
        ZodConstraints.Constrained constrained = zodConstraints.apply(base(inner), inner, constraints);
        ZodExpr expr = constrained.expr();
        if (type instanceof TypeRef.Nullable) {
            expr = expr.call(mayBeLeftOut ? ".nullish()" : ".nullable()");
            // @Nullable lets null through binding, but @NotBlank and @NotEmpty still refuse it
            for (String refusal : constrained.nullRefusals()) {
                expr = expr.call(refusal);
            }
        }
        return expr;
    }

    /**
     * The schema of a map's keys, which JSON writes as strings: an enum's constants, a whole number's digits within
     * its Java range (the server reads a key such as "1.0" or "abc" no more than it would the number), a UUID.
     */
    private String key(TypeRef key) {
        if (key instanceof TypeRef.EnumRef) {
            return base(key).inline();
        }
        if (key instanceof TypeRef.Scalar s && s.kind() == ScalarKind.INTEGER) {
            helpers.add(ZodHelper.WHOLE_NUMBER_KEY);
            String range = s.wholeBits() == 0 ? "" : s.wholeMin() + " and " + s.wholeMax();
            String check = range.isEmpty()
                    ? "isWholeNumberKey(k)"
                    : "isWholeNumberKey(k, '" + s.wholeMin() + "', '" + s.wholeMax() + "')";
            String message = range.isEmpty() ? "must be a whole number" : "must be a whole number between " + range;
            return "z.string().refine((k) => " + check + ", { message: " + TsNames.string(message) + " })";
        }
        if (key instanceof TypeRef.Scalar s && s.kind() == ScalarKind.UUID) {
            return "z.string().uuid()";
        }
        return "z.string()";
    }

    /** A date, time or duration in the ISO-8601 form of its Java type, with the server's message. */
    private ZodExpr isoText(TypeRef.Scalar s) {
        helpers.add(ZodHelper.ISO_TEXT);
        return ZodExpr.of(
                "z",
                ".string()",
                ".refine((v) => isIsoText('" + s.javaType().getSimpleName() + "', v), { message: "
                        + TsNames.string("must be " + s.textForm()) + " })");
    }

    /** The schema of a type without constraints. */
    ZodExpr base(TypeRef type) {
        if (type instanceof TypeRef.Scalar s) {
            if (s.wholeBits() != 0) {
                helpers.add(ZodHelper.WHOLE_NUMBER);
                return ZodExpr.of("wholeNumber(" + s.wholeBits() + ")");
            }
            if (s.isCharacter()) {
                return ZodExpr.of("z", ".string()", ".length(1, { message: 'must be a single character' })");
            }
            return switch (s.kind()) {
                case STRING -> ZodExpr.of("z", ".string()");
                case DATE, DATE_TIME, TIME, DURATION -> isoText(s);
                case UUID -> ZodExpr.of("z", ".string()", ".uuid()");
                case INTEGER -> ZodExpr.of("z", ".number()", ".int()");
                    // JSON has no infinity: JSON.stringify writes null, which the server refuses
                case NUMBER -> ZodExpr.of("z", ".number()", ".finite()");
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
            return ZodExpr.of(
                    "z", ".record(" + key(m.key()) + ", " + base(m.value()).inline() + ")");
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

    /**
     * The value parameter of a generic schema factory that carries the schema of a type variable: {@code schemaOfT}.
     * Never a reserved word ({@code In}), never zod's {@code z}, and as distinct as the variables ({@code T}, {@code t}).
     */
    static String typeVarParam(String typeVar) {
        return "schemaOf" + typeVar;
    }

    private ZodExpr named(String typeName, String ref) {
        return lazy.test(typeName) ? ZodExpr.of("z", ".lazy(() => " + ref + ")") : ZodExpr.of(ref);
    }
}
