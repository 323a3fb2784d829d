package io.mizan.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mizan.model.ConstraintModel;
import io.mizan.model.ScalarKind;
import io.mizan.model.TypeRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * The JSON Schema words for each standard Bean Validation constraint, on the types it has a word for
 * there, and none on the others; a custom constraint of a standard name, and one JSON Schema has no
 * word for, add nothing; on a nullable type the words apply to the value.
 */
class ConstraintKeywordsTest {

    static final TypeRef TEXT = new TypeRef.Scalar(ScalarKind.STRING, String.class);
    static final TypeRef WHOLE = new TypeRef.Scalar(ScalarKind.INTEGER, java.math.BigInteger.class);
    static final TypeRef DECIMAL = new TypeRef.Scalar(ScalarKind.NUMBER, double.class);
    static final TypeRef FLAG = new TypeRef.Scalar(ScalarKind.BOOLEAN, boolean.class);
    static final TypeRef LIST = new TypeRef.ListOf(TEXT, false);
    static final TypeRef MAP = new TypeRef.MapOf(TEXT, TEXT);

    static ConstraintModel standard(String name, Map<String, Object> attributes) {
        return new ConstraintModel(name, ConstraintModel.STANDARD_PACKAGE + name, attributes);
    }

    static ConstraintModel standard(String name) {
        return standard(name, Map.of());
    }

    static String schema(TypeRef type, ConstraintModel... constraints) {
        return ConstraintKeywords.schema(type, List.of(constraints)).build().toString();
    }

    @Test
    void notBlankIsAPatternOnTextOnly() {
        assertEquals("{\"type\":\"string\",\"pattern\":\"[^\\\\x00-\\\\x20]\"}", schema(TEXT, standard("NotBlank")));
        assertEquals(schema(LIST), schema(LIST, standard("NotBlank")));
    }

    @Test
    void notEmptyIsAMinimumOfOneLengthItemOrProperty() {
        assertEquals("{\"type\":\"string\",\"minLength\":1}", schema(TEXT, standard("NotEmpty")));
        assertEquals(
                "{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"minItems\":1}",
                schema(LIST, standard("NotEmpty")));
        assertEquals(
                "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"},\"minProperties\":1}",
                schema(MAP, standard("NotEmpty")));
        assertEquals("{\"type\":\"integer\"}", schema(WHOLE, standard("NotEmpty")));
    }

    @Test
    void sizeGivesTheBoundsItSets() {
        assertEquals(
                "{\"type\":\"string\",\"minLength\":2,\"maxLength\":5}",
                schema(TEXT, standard("Size", Map.of("min", 2, "max", 5))));
        assertEquals(
                "{\"type\":\"string\",\"minLength\":1,\"maxLength\":2147483646}",
                schema(TEXT, standard("Size", Map.of("min", 1, "max", Integer.MAX_VALUE - 1))));
        assertEquals(
                "{\"type\":\"string\"}", schema(TEXT, standard("Size", Map.of("min", 0, "max", Integer.MAX_VALUE))));
        assertEquals("{\"type\":\"string\"}", schema(TEXT, standard("Size")), "the defaults bound nothing");
        assertEquals(
                "{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"maxItems\":3}",
                schema(LIST, standard("Size", Map.of("max", 3))));
        assertEquals("{\"type\":\"integer\"}", schema(WHOLE, standard("Size", Map.of("min", 2))));
    }

    @Test
    void minAndMaxBoundNumbersOnly() {
        assertEquals(
                "{\"type\":\"integer\",\"minimum\":3,\"maximum\":9}",
                schema(WHOLE, standard("Min", Map.of("value", 3L)), standard("Max", Map.of("value", 9L))));
        assertEquals("{\"type\":\"number\",\"minimum\":-1}", schema(DECIMAL, standard("Min", Map.of("value", -1L))));
        assertEquals("{\"type\":\"string\"}", schema(TEXT, standard("Min", Map.of("value", 3L))));
        assertEquals("{\"type\":\"integer\"}", schema(WHOLE, standard("Max", Map.of("value", "9"))));
    }

    @Test
    void decimalBoundsAreInclusiveUnlessTheySayNot() {
        assertEquals(
                "{\"type\":\"number\",\"minimum\":1.5,\"maximum\":2}",
                schema(
                        DECIMAL,
                        standard("DecimalMin", Map.of("value", "1.5")),
                        standard("DecimalMax", Map.of("value", " 2 ", "inclusive", true))));
        assertEquals(
                "{\"type\":\"number\",\"exclusiveMinimum\":0.1,\"exclusiveMaximum\":10}",
                schema(
                        DECIMAL,
                        standard("DecimalMin", Map.of("value", "0.1", "inclusive", false)),
                        standard("DecimalMax", Map.of("value", "10", "inclusive", false))));
        assertEquals("{\"type\":\"number\"}", schema(DECIMAL, standard("DecimalMin", Map.of("value", "abc"))));
        assertEquals("{\"type\":\"number\"}", schema(DECIMAL, standard("DecimalMax", Map.of("value", 3))));
        assertEquals("{\"type\":\"string\"}", schema(TEXT, standard("DecimalMin", Map.of("value", "1"))));
    }

    @Test
    void signsBoundNumbersAtZero() {
        assertEquals("{\"type\":\"integer\",\"exclusiveMinimum\":0}", schema(WHOLE, standard("Positive")));
        assertEquals("{\"type\":\"integer\",\"minimum\":0}", schema(WHOLE, standard("PositiveOrZero")));
        assertEquals("{\"type\":\"number\",\"exclusiveMaximum\":0}", schema(DECIMAL, standard("Negative")));
        assertEquals("{\"type\":\"number\",\"maximum\":0}", schema(DECIMAL, standard("NegativeOrZero")));
        assertEquals(
                "{\"type\":\"string\"}",
                schema(
                        TEXT,
                        standard("Positive"),
                        standard("PositiveOrZero"),
                        standard("Negative"),
                        standard("NegativeOrZero")));
        assertEquals(
                "{\"type\":\"boolean\"}", schema(FLAG, standard("Positive"), standard("Min", Map.of("value", 1L))));
    }

    @Test
    void emailIsAFormatOfText() {
        assertEquals("{\"type\":\"string\",\"format\":\"email\"}", schema(TEXT, standard("Email")));
        assertEquals("{\"type\":\"integer\"}", schema(WHOLE, standard("Email")));
    }

    @Test
    void aPatternIsTranslatedWhenItNeedsNoFlags() {
        assertEquals(
                "{\"type\":\"string\",\"pattern\":\"^(?:[0-9]+)$\"}",
                schema(TEXT, standard("Pattern", Map.of("regexp", "[0-9]+"))));
        assertEquals(
                "{\"type\":\"string\",\"pattern\":\"^(?:[0-9]+)$\"}",
                schema(TEXT, standard("Pattern", Map.of("regexp", "[0-9]+", "flags", List.of("UNICODE_CASE")))));
        assertEquals(
                "{\"type\":\"string\",\"pattern\":\"^(?:\\\\p{Lu})$\"}",
                schema(TEXT, standard("Pattern", Map.of("regexp", "\\p{Lu}"))),
                "the u flag is how JSON Schema reads patterns anyway");
        assertEquals(
                "{\"type\":\"string\"}",
                schema(TEXT, standard("Pattern", Map.of("regexp", "[a-z]+", "flags", List.of("CASE_INSENSITIVE")))));
        assertEquals("{\"type\":\"string\"}", schema(TEXT, standard("Pattern", Map.of("regexp", "a++"))));
        assertEquals("{\"type\":\"string\"}", schema(TEXT, standard("Pattern", Map.of("flags", List.of()))));
        assertEquals(schema(LIST), schema(LIST, standard("Pattern", Map.of("regexp", "[0-9]+"))));
    }

    @Test
    void onlyTheStandardConstraintsCount() {
        ConstraintModel custom = new ConstraintModel("Size", "com.example.Size", Map.of("min", 2));

        assertEquals("{\"type\":\"string\"}", schema(TEXT, custom, standard("NotNull"), standard("Future")));
    }

    @Test
    void onANullableTypeTheWordsApplyToTheValue() {
        assertEquals(
                "{\"anyOf\":[{\"type\":\"string\",\"minLength\":1},{\"type\":\"null\"}]}",
                schema(new TypeRef.Nullable(TEXT), standard("NotEmpty")));
    }
}
