package io.mizan.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mizan.model.ConstraintModel;
import io.mizan.model.ScalarKind;
import io.mizan.model.TypeRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * The JSON Schema of every kind of type (scalars with their format, named types as references, lists,
 * sets, maps by the kind of their keys, nullable values, type variables, nothing and any JSON), and
 * constraints listed by name with their attributes as JSON, leaving out any that names a class.
 */
class TypeSchemasTest {

    static String schema(TypeRef type) {
        return TypeSchemas.schema(type).build().toString();
    }

    @org.junit.jupiter.api.Test
    void aJavaWholeNumberHasItsRangeAndACharOneCharacter() {
        assertEquals(
                "{\"type\":\"integer\",\"minimum\":-128,\"maximum\":127}",
                schema(new TypeRef.Scalar(ScalarKind.INTEGER, byte.class)));
        assertEquals(
                "{\"type\":\"integer\",\"minimum\":-2147483648,\"maximum\":2147483647}",
                schema(new TypeRef.Scalar(ScalarKind.INTEGER, Integer.class)));
        assertEquals(
                "{\"type\":\"integer\",\"minimum\":-9223372036854775808,\"maximum\":9223372036854775807}",
                schema(new TypeRef.Scalar(ScalarKind.INTEGER, long.class)));
        assertEquals(
                "{\"type\":\"integer\"}", schema(new TypeRef.Scalar(ScalarKind.INTEGER, java.math.BigInteger.class)));
        assertEquals(
                "{\"type\":\"string\",\"minLength\":1,\"maxLength\":1}",
                schema(new TypeRef.Scalar(ScalarKind.STRING, char.class)));
    }

    static TypeRef scalar(ScalarKind kind) {
        return new TypeRef.Scalar(kind, Object.class);
    }

    @Test
    void scalarsHaveTheirTypeAndFormat() {
        assertEquals("{\"type\":\"string\"}", schema(scalar(ScalarKind.STRING)));
        assertEquals("{\"type\":\"boolean\"}", schema(scalar(ScalarKind.BOOLEAN)));
        assertEquals("{\"type\":\"integer\"}", schema(scalar(ScalarKind.INTEGER)));
        assertEquals("{\"type\":\"number\"}", schema(scalar(ScalarKind.NUMBER)));
        assertEquals("{\"type\":\"string\",\"format\":\"date\"}", schema(scalar(ScalarKind.DATE)));
        assertEquals("{\"type\":\"string\",\"format\":\"date-time\"}", schema(scalar(ScalarKind.DATE_TIME)));
        assertEquals("{\"type\":\"string\",\"format\":\"time\"}", schema(scalar(ScalarKind.TIME)));
        assertEquals("{\"type\":\"string\",\"format\":\"duration\"}", schema(scalar(ScalarKind.DURATION)));
        assertEquals("{\"type\":\"string\",\"format\":\"uuid\"}", schema(scalar(ScalarKind.UUID)));
    }

    @Test
    void namedTypesAreReferencesWithTheirTypeArguments() {
        assertEquals("{\"$ref\":\"#/types/Role\"}", schema(new TypeRef.EnumRef("Role")));
        assertEquals("{\"$ref\":\"#/types/User\"}", schema(new TypeRef.ObjectRef("User", List.of())));
        assertEquals(
                "{\"$ref\":\"#/types/Page\",\"typeArguments\":[{\"$ref\":\"#/types/User\"},{\"typeParameter\":\"T\"}]}",
                schema(new TypeRef.ObjectRef(
                        "Page", List.of(new TypeRef.ObjectRef("User", List.of()), new TypeRef.TypeVar("T")))));
    }

    @Test
    void listsAndSets() {
        assertEquals(
                "{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}",
                schema(new TypeRef.ListOf(scalar(ScalarKind.INTEGER), false)));
        assertEquals(
                "{\"type\":\"array\",\"items\":{\"type\":\"integer\"},\"uniqueItems\":true}",
                schema(new TypeRef.ListOf(scalar(ScalarKind.INTEGER), true)));
    }

    @Test
    void mapsNameTheirKeysByKind() {
        TypeRef value = scalar(ScalarKind.BOOLEAN);
        assertEquals(
                "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"boolean\"}}",
                schema(new TypeRef.MapOf(scalar(ScalarKind.STRING), value)));
        assertEquals(
                "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"boolean\"},"
                        + "\"propertyNames\":{\"$ref\":\"#/types/Role\"}}",
                schema(new TypeRef.MapOf(new TypeRef.EnumRef("Role"), value)));
        assertEquals(
                "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"boolean\"},"
                        + "\"propertyNames\":{\"pattern\":\"^-?[0-9]+$\"}}",
                schema(new TypeRef.MapOf(scalar(ScalarKind.INTEGER), value)));
        assertEquals(
                "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"boolean\"},"
                        + "\"propertyNames\":{\"format\":\"uuid\"}}",
                schema(new TypeRef.MapOf(scalar(ScalarKind.UUID), value)));
        assertEquals(
                "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"boolean\"}}",
                schema(new TypeRef.MapOf(scalar(ScalarKind.DATE), value)));
    }

    @Test
    void nullableNothingAndAnyJson() {
        assertEquals(
                "{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]}",
                schema(new TypeRef.Nullable(scalar(ScalarKind.STRING))));
        assertEquals("{\"type\":\"null\"}", schema(new TypeRef.Void()));
        assertEquals("{}", schema(new TypeRef.Json()));
    }

    static String attributes(Map<String, Object> attributes) {
        return NamedConstraints.attributes(new ConstraintModel("X", "com.example.X", attributes))
                .build()
                .toString();
    }

    @Test
    void attributesAreJsonSortedByName() {
        assertEquals(
                "{\"a\":true,\"b\":false,\"c\":1,\"d\":2,\"e\":3,\"f\":4,\"g\":1.5,\"h\":\"text\",\"i\":\"x\"}",
                attributes(Map.of(
                        "i", 'x', "h", "text", "g", 1.5f, "f", (byte) 4, "e", (short) 3, "d", 2L, "c", 1, "b", false,
                        "a", true)));
        assertEquals(
                "{\"flags\":[\"CASE_INSENSITIVE\",\"MULTILINE\"]}",
                attributes(Map.of("flags", List.of("CASE_INSENSITIVE", "MULTILINE"))));
    }

    @Test
    void anAttributeThatNamesAClassOrIsNoJsonIsLeftOut() {
        assertEquals(
                "{\"kept\":\"classic\"}",
                attributes(Map.of(
                        "kept", "classic",
                        "type", "class com.example.Checker",
                        "api", "interface com.example.Api",
                        "types", List.of("x", "class com.example.Checker"),
                        "when", java.time.DayOfWeek.MONDAY)));
    }

    @Test
    void constraintsAreListedInTheirOrderWithNameAndAttributes() {
        assertEquals(
                "[{\"name\":\"Size\",\"attributes\":{\"max\":5}},{\"name\":\"NotBlank\",\"attributes\":{}}]",
                NamedConstraints.json(List.of(
                                new ConstraintModel("Size", "jakarta.validation.constraints.Size", Map.of("max", 5)),
                                new ConstraintModel("NotBlank", "jakarta.validation.constraints.NotBlank", Map.of())))
                        .build()
                        .toString());
    }
}
