package io.mizan.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.MizanException;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

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
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"a\":                 | MIZAN-111 | not valid JSON",
                "{\"a\":1,}              | MIZAN-111 | not valid JSON",
                "{\"a\":1-2}             | MIZAN-111 | not valid JSON",
                "[1]                     | MIZAN-113 | must be a JSON object",
                "null                    | MIZAN-113 | must be a JSON object",
                "{} []                   | MIZAN-114 | after the JSON object",
                "{\"a\":1,\"a\":2}       | MIZAN-115 | The key 'a' appears twice",
                "{\"x\":{\"a\":1,\"a\":2}} | MIZAN-115 | appears twice",
                "{\"a\":1e401}           | MIZAN-118 | exponent beyond 400",
                "{\"a\":1E-999999999999} | MIZAN-118 | exponent",
            })
    void refuses(String body, String code, String message) {
        MizanException e = assertThrows(MizanException.class, () -> parse(body.trim()));
        assertEquals(400, e.status());
        assertEquals(code.trim(), e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(message.trim()), e.getMessage());
        assertFalse(e.getMessage().contains("MIZAN-"), "the id travels as the code, not in the text");
    }

    @Test
    void refusesDeepNestingAndLongNumbers() {
        MizanException deep = assertThrows(
                MizanException.class, () -> parse("{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"));
        assertEquals("MIZAN-116", deep.code());
        assertTrue(deep.getMessage().contains("deeper than 64"));
        parse("{\"a\":" + "[".repeat(63) + "]".repeat(63) + "}");
        MizanException digits =
                assertThrows(MizanException.class, () -> parse("{\"a\":" + "9".repeat(1_000_000) + "}"));
        assertEquals("MIZAN-117", digits.code());
        assertTrue(digits.getMessage().contains("more than 400"));
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'};
        MizanException e = assertThrows(MizanException.class, () -> StrictJson.parseObject(body));
        assertEquals("MIZAN-112", e.code());
        assertTrue(e.getMessage().contains("UTF-8"));
    }
}
