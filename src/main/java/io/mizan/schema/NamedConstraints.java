package io.mizan.schema;

import io.mizan.model.ConstraintModel;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Bean Validation constraints listed by name with their attributes, {@code {"attributes": {"max": 40, "min": 0},
 * "name": "Size"}}, for tools that know the constraints themselves.
 */
public final class NamedConstraints {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Pattern CLASS_NAME = Pattern.compile("(class|interface) [\\w.$]+");

    private NamedConstraints() {}

    /**
     * The constraints as a JSON array, in the given order.
     *
     * @param constraints the constraints, without repeats
     */
    static JsonArrayBuilder json(List<ConstraintModel> constraints) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (ConstraintModel c : constraints) {
            out.add(JSON.createObjectBuilder().add("name", c.name()).add("attributes", attributes(c)));
        }
        return out;
    }

    /** A constraint's attributes as a JSON object, sorted by name: {@code {"max": 40, "min": 0}}. */
    public static JsonObjectBuilder attributes(ConstraintModel c) {
        JsonObjectBuilder attributes = JSON.createObjectBuilder();
        new TreeMap<>(c.attributes()).forEach((name, value) -> {
            JsonValue json = attribute(value);
            if (json != null) {
                attributes.add(name, json);
            }
        });
        return attributes;
    }

    /** An attribute as JSON; null for one that would name a class (a custom constraint's {@code Class} value). */
    private static JsonValue attribute(Object value) {
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return JSON.createValue(n.doubleValue());
        }
        if (value instanceof String || value instanceof Character) {
            String s = String.valueOf(value);
            return CLASS_NAME.matcher(s).matches() ? null : JSON.createValue(s);
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            for (Object item : list) {
                JsonValue json = attribute(item);
                if (json == null) {
                    return null;
                }
                array.add(json);
            }
            return array.build();
        }
        return null;
    }
}
