package io.mizan.invalidation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.FileReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The key syntax against the examples the TypeScript runtime is tested with too (protocol/keys.json). */
class InvalidationKeysTest {

    static JsonObject examples() throws IOException {
        try (JsonReader reader = Json.createReader(new FileReader("protocol/keys.json"))) {
            return reader.readObject();
        }
    }

    static Map<String, String> strings(JsonObject object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.forEach((k, v) -> map.put(k, ((JsonString) v).getString()));
        return map;
    }

    @Test
    void formatsAndParsesEveryExample() throws IOException {
        List<JsonObject> cases = examples().getJsonArray("format").getValuesAs(JsonObject.class);
        assertEquals(9, cases.size());
        for (JsonObject c : cases) {
            Map<String, String> params = strings(c.getJsonObject("params"));
            String key = InvalidationKeys.format(c.getString("name"), params);
            assertEquals(c.getString("key"), key, c.toString());
            InvalidationKeys.Key parsed = InvalidationKeys.parse(key);
            assertEquals(c.getString("name"), parsed.context());
            assertEquals(params, parsed.params());
        }
    }

    @Test
    void joinsAndSplitsTheHeader() throws IOException {
        for (JsonObject c : examples().getJsonArray("header").getValuesAs(JsonObject.class)) {
            List<String> keys = c.getJsonArray("keys").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .toList();
            assertEquals(c.getString("header"), InvalidationKeys.header(keys));
            assertEquals(keys, InvalidationKeys.fromHeader(c.getString("header")));
        }
    }

    @Test
    void matchesEntriesWhoseParamsIncludeTheKeys() throws IOException {
        for (JsonObject c : examples().getJsonArray("match").getValuesAs(JsonObject.class)) {
            JsonObject entry = c.getJsonObject("entry");
            assertEquals(
                    c.getBoolean("matches"),
                    InvalidationKeys.matches(
                            c.getString("key"), entry.getString("name"), strings(entry.getJsonObject("params"))),
                    c.toString());
        }
    }

    @Test
    void writesParameterValuesAsTheClientSendsThem() {
        assertEquals("5", InvalidationKeys.text(5L));
        assertEquals("5", InvalidationKeys.text(5.0d));
        assertEquals("2.5", InvalidationKeys.text(2.5d));
        assertEquals("12.5", InvalidationKeys.text(new java.math.BigDecimal("12.50")));
        assertEquals("true", InvalidationKeys.text(true));
        assertEquals("SECONDS", InvalidationKeys.text(java.util.concurrent.TimeUnit.SECONDS));
        assertEquals("2025-01-31", InvalidationKeys.text(java.time.LocalDate.of(2025, 1, 31)));
        assertEquals("x", InvalidationKeys.text(java.util.Optional.of("x")));
        assertEquals(null, InvalidationKeys.text(java.util.Optional.empty()));
        assertEquals(null, InvalidationKeys.text(null));
        assertThrows(IllegalArgumentException.class, () -> InvalidationKeys.text(List.of(1)));
    }

    @Test
    void examplesFileIsValid() throws IOException {
        assertEquals(JsonValue.ValueType.ARRAY, examples().get("match").getValueType());
    }
}
