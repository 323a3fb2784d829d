package io.mizan.schema;

import io.mizan.model.ConstraintModel;
import io.mizan.model.ScalarKind;
import io.mizan.model.TypeRef;
import jakarta.json.JsonObjectBuilder;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema words for Bean Validation constraints: {@code @Size} on a string becomes
 * {@code minLength}/{@code maxLength}, {@code @Min} on a number {@code minimum}, and so on. A
 * constraint JSON Schema has no word for adds nothing here.
 */
final class ConstraintKeywords {

    private ConstraintKeywords() {}

    /**
     * The schema of a type with the words for the constraints on it; on a nullable type they apply to
     * the value, not to {@code null}.
     *
     * @param constraints the constraints, without repeats
     */
    static JsonObjectBuilder schema(TypeRef type, List<ConstraintModel> constraints) {
        TypeRef inner = type instanceof TypeRef.Nullable n ? n.inner() : type;
        JsonObjectBuilder schema = TypeSchemas.schema(inner);
        for (ConstraintModel c : constraints) {
            // only the standard constraints: a custom one may share a name and mean something else
            if (c.isStandard()) {
                keywords(schema, inner, c);
            }
        }
        return type instanceof TypeRef.Nullable ? TypeSchemas.nullable(schema) : schema;
    }

    private static void keywords(JsonObjectBuilder schema, TypeRef type, ConstraintModel c) {
        boolean text = type instanceof TypeRef.Scalar s && s.kind() == ScalarKind.STRING;
        boolean number =
                type instanceof TypeRef.Scalar s && (s.kind() == ScalarKind.INTEGER || s.kind() == ScalarKind.NUMBER);
        String prefix = text
                ? "Length"
                : type instanceof TypeRef.ListOf ? "Items" : type instanceof TypeRef.MapOf ? "Properties" : null;
        Map<String, Object> a = c.attributes();
        switch (c.name()) {
            case "NotBlank" -> {
                if (text) {
                    // blank as the server sees it (String.trim()): nothing but U+0000 to U+0020
                    schema.add("pattern", "[^\\x00-\\x20]");
                }
            }
            case "NotEmpty" -> {
                if (prefix != null) {
                    schema.add("min" + prefix, 1);
                }
            }
            case "Size" -> {
                if (prefix != null) {
                    int min = a.get("min") instanceof Number n ? n.intValue() : 0;
                    int max = a.get("max") instanceof Number n ? n.intValue() : Integer.MAX_VALUE;
                    if (min > 0) {
                        schema.add("min" + prefix, min);
                    }
                    if (max < Integer.MAX_VALUE) {
                        schema.add("max" + prefix, max);
                    }
                }
            }
            case "Min", "Max" -> {
                if (number && a.get("value") instanceof Number n) {
                    schema.add(c.name().equals("Min") ? "minimum" : "maximum", n.longValue());
                }
            }
            case "DecimalMin", "DecimalMax" -> {
                BigDecimal value = decimal(a.get("value"));
                if (number && value != null) {
                    boolean inclusive = !Boolean.FALSE.equals(a.get("inclusive"));
                    boolean min = c.name().equals("DecimalMin");
                    schema.add(
                            inclusive ? (min ? "minimum" : "maximum") : (min ? "exclusiveMinimum" : "exclusiveMaximum"),
                            value);
                }
            }
            case "Positive" -> {
                if (number) {
                    schema.add("exclusiveMinimum", 0);
                }
            }
            case "PositiveOrZero" -> {
                if (number) {
                    schema.add("minimum", 0);
                }
            }
            case "Negative" -> {
                if (number) {
                    schema.add("exclusiveMaximum", 0);
                }
            }
            case "NegativeOrZero" -> {
                if (number) {
                    schema.add("maximum", 0);
                }
            }
            case "Email" -> {
                if (text) {
                    schema.add("format", "email");
                }
            }
            case "Pattern" -> {
                if (text && a.get("regexp") instanceof String regexp) {
                    List<String> flags = a.get("flags") instanceof List<?> list
                            ? list.stream().map(String::valueOf).toList()
                            : List.of();
                    // JSON Schema patterns are ECMA-262 without flags: only a translation needing none fits
                    JavaRegex.toJavaScript(regexp, flags)
                            .filter(r -> r.flags().replace("u", "").isEmpty())
                            .ifPresent(r -> schema.add("pattern", r.source()));
                }
            }
            default -> {
                // no JSON Schema word; the constraint is still listed by name
            }
        }
    }

    private static BigDecimal decimal(Object value) {
        try {
            return value instanceof String s ? new BigDecimal(s.trim()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
