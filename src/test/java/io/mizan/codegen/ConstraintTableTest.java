package io.mizan.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import io.mizan.codegen.constraints.ConstraintFixture;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The verdicts of protocol/constraints.json, which client/test/constraints.test.ts checks against
 * the Zod schema generated from the same fixture: here each value is bound as JSON-B binds it for the
 * server and validated by Hibernate Validator on its property of {@link ConstraintFixture}.
 */
class ConstraintTableTest {

    private static final Path TABLE = Path.of("protocol/constraints.json");
    private static final Pattern ANNOTATION = Pattern.compile("(?:^|\\s)@([A-Z]\\w*)");

    private static List<JsonObject> groups() throws IOException {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(TABLE, StandardCharsets.UTF_8))) {
            return reader.readObject().getJsonArray("constraints").getValuesAs(JsonObject.class);
        }
    }

    private static List<JsonObject> cases(JsonObject group) {
        return group.getJsonArray("cases").getValuesAs(JsonObject.class);
    }

    /** The JSON text of a case: its value, or the date {@code today} days from now. */
    static String json(JsonObject c) {
        return c.containsKey("today")
                ? "\"" + LocalDate.now().plusDays(c.getInt("today")) + "\""
                : c.get("value").toString();
    }

    @Test
    void hibernateValidatorGivesEveryVerdict() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        try (Jsonb jsonb = JsonbBuilder.create();
                ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();
            for (JsonObject group : groups()) {
                String property = group.getString("property");
                RecordComponent component = component(property);
                for (JsonObject c : cases(group)) {
                    String json = json(c);
                    Object value = jsonb.fromJson(json, component.getGenericType());
                    Set<ConstraintViolation<ConstraintFixture>> violations =
                            validator.validateValue(ConstraintFixture.class, property, value);
                    boolean valid = violations.isEmpty();
                    if (valid != c.getBoolean("valid")) {
                        wrong.add(
                                property + " = " + json + ": expected " + (c.getBoolean("valid") ? "valid" : "invalid")
                                        + ", Hibernate Validator says "
                                        + (valid
                                                ? "valid"
                                                : violations.iterator().next().getMessage()));
                    }
                    checked++;
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked > 200, "cases checked: " + checked);
    }

    @Test
    void everyPropertyHasOneGroupWithItsConstraintAndType() throws Exception {
        List<String> properties = new ArrayList<>();
        for (JsonObject group : groups()) {
            String property = group.getString("property");
            properties.add(property);
            RecordComponent component = component(property);
            assertEquals(typeName(component), group.getString("type"), property);
            Field field = ConstraintFixture.class.getDeclaredField(property);
            Set<String> declared = Stream.concat(
                            Arrays.stream(field.getAnnotations()), Arrays.stream(component.getAnnotations()))
                    .map(Annotation::annotationType)
                    .filter(t -> t.isAnnotationPresent(Constraint.class)
                            || t.getSimpleName().equals("Nullable"))
                    .map(Class::getSimpleName)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(declared, annotations(group), property + ": the constraint as written");
        }
        List<String> components = Arrays.stream(ConstraintFixture.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        assertEquals(components, properties, "one group per property, in the record's order");
    }

    @Test
    void everyBuiltInConstraintHasCases() throws Exception {
        Set<String> builtIn;
        try (ScanResult scan = new ClassGraph()
                .enableAnnotationInfo()
                .acceptPackagesNonRecursive("jakarta.validation.constraints")
                .scan()) {
            builtIn =
                    new TreeSet<>(scan
                            .getClassesWithAnnotation(Constraint.class.getName())
                            .filter(ClassInfo::isAnnotation)
                            .getNames()
                            .stream()
                            .map(n -> n.substring(n.lastIndexOf('.') + 1))
                            .toList());
        }
        assertEquals(22, builtIn.size(), builtIn.toString());
        Set<String> covered = new TreeSet<>();
        for (JsonObject group : groups()) {
            covered.addAll(annotations(group));
        }
        builtIn.removeAll(covered);
        assertEquals(Set.of(), builtIn, "built-in constraints without cases");
    }

    @Test
    void everyDifferenceFromZodSaysWhy() throws Exception {
        for (JsonObject group : groups()) {
            List<JsonObject> marked = new ArrayList<>(List.of(group));
            marked.addAll(cases(group));
            for (JsonObject o : marked) {
                if (o.containsKey("zod")) {
                    assertEquals(JsonValue.FALSE, o.get("zod"), group.getString("property"));
                    assertFalse(o.getString("reason", "").isBlank(), group.getString("property") + ": reason");
                }
            }
            assertFalse(cases(group).isEmpty(), group.getString("property"));
        }
    }

    /** The simple names of the annotations in a group's constraint as written. */
    private static Set<String> annotations(JsonObject group) {
        Set<String> names = new TreeSet<>();
        Matcher m = ANNOTATION.matcher(group.getString("constraint"));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static RecordComponent component(String name) {
        return Arrays.stream(ConstraintFixture.class.getRecordComponents())
                .filter(c -> c.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("ConstraintFixture has no property " + name));
    }

    /** The component's type as the table writes it: {@code Map<String, Integer>}. */
    private static String typeName(RecordComponent component) {
        return component.getGenericType().getTypeName().replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
    }
}
