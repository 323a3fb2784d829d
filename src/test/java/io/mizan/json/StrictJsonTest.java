package io.mizan.json;

import io.mizan.MizanException;
import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrictJsonTest {

    static JsonObject parse(String s) {
        return StrictJson.parseObject(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsObjects() {
        JsonObject o = parse("{\"a\":[1,{\"b\":null}],\"c\":\"x\",\"d\":true,\"e\":1.5e3}");
        assertEquals(1500, o.getJsonNumber("e").intValue());
        assertEquals("x", o.getString("c"));
        assertTrue(parse("").isEmpty());
        assertTrue(parse("  ").isEmpty());
        assertTrue(parse("\uFEFF{}").isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\":                 | not valid JSON",
            "{\"a\":1,}              | not valid JSON",
            "[1]                     | must be a JSON object",
            "null                    | must be a JSON object",
            "{} []                   | after the JSON object",
            "{\"a\":1,\"a\":2}       | appears twice",
            "{\"x\":{\"a\":1,\"a\":2}} | appears twice",
            "{\"a\":1e401}           | exponent",
            "{\"a\":1E-999999999999} | exponent",
    })
    void refuses(String body, String message) {
        MizanException e = assertThrows(MizanException.class, () -> parse(body.trim()));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void refusesDeepNestingAndLongNumbers() {
        MizanException deep = assertThrows(MizanException.class,
                () -> parse("{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"));
        assertTrue(deep.getMessage().contains("deeper than 64"));
        parse("{\"a\":" + "[".repeat(63) + "]".repeat(63) + "}");
        MizanException digits = assertThrows(MizanException.class, () -> parse("{\"a\":" + "9".repeat(1_000_000) + "}"));
        assertTrue(digits.getMessage().contains("more than 400"));
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'};
        MizanException e = assertThrows(MizanException.class, () -> StrictJson.parseObject(body));
        assertTrue(e.getMessage().contains("UTF-8"));
    }
}
