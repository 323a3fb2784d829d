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

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
        assertTrue(parse("\uFEFF{}").isEmpty());
    }

    @Test
    void whitespaceAloneIsNoJsonAndNotTheEmptyBody() {
        for (String blank : List.of(" ", " \r\n\t ", "\uFEFF ")) {
            assertEquals(
                    "MIZAN-111",
                    assertThrows(MizanException.class, () -> parse(blank)).code());
            assertEquals(
                    "MIZAN-111",
                    assertThrows(MizanException.class, () -> StrictJson.parseObject(blank))
                            .code());
        }
    }

    @Test
    void readsTextAsItReadsItsBytes() {
        for (String text : List.of("{\"a\":[1,{\"b\":null}],\"c\":\"\u00e9\u4e2d\"}", "", "\uFEFF{\"a\":1}")) {
            assertEquals(parse(text), StrictJson.parseObject(text), text);
        }
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
                "{\"a\":\"\\ud800\"}          | MIZAN-119 | half of a surrogate pair",
                "{\"a\":\"\\uDC00x\"}         | MIZAN-119 | half of a surrogate pair",
                "{\"a\":\"\\udc00\\ud800\"}  | MIZAN-119 | half of a surrogate pair",
                "{\"\\ud800\":1}               | MIZAN-119 | half of a surrogate pair",
                "{\"a\":[\"ok\",{\"b\":\"x\\ud83d\"}]} | MIZAN-119 | half of a surrogate pair",
                "[\"\\ud800\"]                | MIZAN-119 | half of a surrogate pair",
            })
    void refuses(String body, String code, String message) {
        MizanException e = assertThrows(MizanException.class, () -> parse(body.trim()));
        MizanException fromText = assertThrows(MizanException.class, () -> StrictJson.parseObject(body.trim()));
        assertEquals(e.getMessage(), fromText.getMessage());
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

    @Test
    void escapedSurrogatePairsAndOtherEscapesAreText() {
        assertEquals("\uD83D\uDE00", parse("{\"s\":\"\\ud83d\\ude00\"}").getString("s"));
        assertEquals("\uD83D\uDE00", parse("{\"s\":\"\uD83D\uDE00\"}").getString("s"));
        assertEquals("a\nb\\ud800", parse("{\"s\":\"a\\nb\\\\ud800\"}").getString("s"));
        assertFalse(StrictJson.hasLoneSurrogate("a\uD83D\uDE00b"));
        assertTrue(StrictJson.hasLoneSurrogate("\uD83D"));
        assertTrue(StrictJson.hasLoneSurrogate("a\uDE00"));
        assertTrue(StrictJson.hasLoneSurrogate("\uD83D\uD83D\uDE00"));
    }

    @Test
    void aReplacementCharacterWrittenOnPurposeIsText() {
        // U+FFFD sent as its own three bytes is valid UTF-8; only a malformed byte is refused
        assertEquals(
                "a\uFFFDb",
                StrictJson.parseObject("{\"s\":\"a\uFFFDb\"}".getBytes(StandardCharsets.UTF_8))
                        .getString("s"));
        byte[] both = {'{', '"', 's', '"', ':', '"', (byte) 0xEF, (byte) 0xBF, (byte) 0xBD, (byte) 0xC3, '"', '}'};
        assertEquals(
                "MIZAN-112",
                assertThrows(MizanException.class, () -> StrictJson.parseObject(both))
                        .code());
    }

    @Test
    void duplicateKeysAreFoundInObjectsOfManyKeysToo() {
        StringBuilder keys = new StringBuilder("{");
        for (int i = 0; i < 12; i++) {
            keys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        assertEquals(12, parse(keys + "}").size());
        for (String again : List.of("k0", "k7", "k8", "k11")) {
            MizanException e = assertThrows(MizanException.class, () -> parse(keys + ",\"" + again + "\":0}"));
            assertEquals("MIZAN-115", e.code(), again);
            assertTrue(e.getMessage().contains("'" + again + "'"), e.getMessage());
        }
    }

    @Test
    void wholeNumbersKeepTheirValueWhateverTheirLength() {
        JsonObject o = parse("{\"a\":123456789012345678,\"b\":1234567890123456789012,\"c\":-0,\"d\":-9,\"e\":2.50}");
        assertEquals(123456789012345678L, o.getJsonNumber("a").longValueExact());
        assertEquals(
                new java.math.BigInteger("1234567890123456789012"),
                o.getJsonNumber("b").bigIntegerValueExact());
        assertEquals(0, o.getJsonNumber("c").intValueExact());
        assertEquals(-9, o.getJsonNumber("d").intValueExact());
        assertEquals(new java.math.BigDecimal("2.50"), o.getJsonNumber("e").bigDecimalValue());
        assertTrue(o.getJsonNumber("d").isIntegral());
    }

    @Test
    void nestingCountsObjectsAndArraysAlike() {
        // the body is level 1: 62 arrays and an object inside reach level 64, the limit
        parse("{\"a\":" + "[".repeat(62) + "{}" + "]".repeat(62) + "}");
        for (String tooDeep : new String[] {
            "{\"a\":" + "[".repeat(63) + "{}" + "]".repeat(63) + "}",
            "{\"a\":" + "[".repeat(64) + "]".repeat(64) + "}",
            "{\"a\":".repeat(65) + "1" + "}".repeat(65)
        }) {
            assertEquals(
                    "MIZAN-116",
                    assertThrows(MizanException.class, () -> parse(tooDeep)).code());
        }
    }

    @Test
    void numbersAtTheLimitsAreRead() {
        assertEquals(400, StrictJson.number("9".repeat(400)).precision());
        assertEquals(
                "MIZAN-117",
                assertThrows(MizanException.class, () -> StrictJson.number("9".repeat(401)))
                        .code());
        assertEquals(new BigDecimal("1e400"), StrictJson.number("1e+400"));
        assertEquals(new BigDecimal("1e-400"), StrictJson.number("1E-400"));
        assertEquals(
                "MIZAN-118",
                assertThrows(MizanException.class, () -> StrictJson.number("1e-401"))
                        .code());
    }

    @Test
    void namesAreShortenedBeyondSixtyCharacters() {
        assertEquals("k".repeat(60), StrictJson.shorten("k".repeat(60)));
        assertEquals("k".repeat(60) + "…", StrictJson.shorten("k".repeat(61)));
    }
}
