package io.mizan.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import io.mizan.model.ParamModel;
import jakarta.annotation.Nullable;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.annotation.JsonbProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reading from the parsed tree gives what JSON-B gives reading the same value as text, for every kind
 * of value an argument can hold: the body is parsed once and nothing reads differently.
 */
class TreeReaderTest {

    public enum Size {
        SMALL,
        LARGE
    }

    public record Line(
            String sku,
            int quantity,
            long stock,
            BigDecimal price,
            double weight,
            boolean gift,
            Boolean wrapped,
            Size size,
            List<String> tags,
            Set<Integer> bins,
            Map<String, Boolean> flags,
            LocalDate due,
            UUID id,
            Optional<String> note,
            @Nullable String comment,
            @JsonbProperty("renamed") String original) {}

    public record Page<T>(List<T> items, int total) {}

    public record Holder(String name, JsonValue extra) {}

    public static class Orders {
        @Client
        public void all(
                Line line,
                List<Line> lines,
                Page<Line> page,
                Map<String, List<Boolean>> switches,
                Holder holder,
                String text,
                int small,
                Long big,
                boolean yes,
                Boolean no) {}
    }

    static final Model MODEL = new ModelBuilder(Auth.PUBLIC).build(List.of(Orders.class));
    static final ResultEncoder ENCODER = new ResultEncoder(MODEL);
    static final Jsonb JSONB = ENCODER.jsonb();
    static final TreeReader TREE = new TreeReader(MODEL, JSONB);

    static final String LINE = "{\"sku\":\"A-1\",\"quantity\":3,\"stock\":9007199254740993,\"price\":10.25,"
            + "\"weight\":0.1,\"gift\":true,\"wrapped\":false,\"size\":\"LARGE\",\"tags\":[\"x\",\"y\"],\"bins\":[1,2],"
            + "\"flags\":{\"a\":true,\"b\":false},\"due\":\"2025-01-31\",\"id\":\"123e4567-e89b-12d3-a456-426614174000\","
            + "\"note\":\"n\",\"comment\":null,\"renamed\":\"r\"}";

    @AfterAll
    static void close() throws Exception {
        ENCODER.close();
    }

    @Test
    void structuresAreReadFromTheTreeOnThisServersJsonB() {
        assertTrue(TREE.readsStructures(), "Yasson offers fromJson(JsonParser, Type)");
        for (String param : List.of("line", "lines", "page", "switches")) {
            assertTrue(
                    TREE.readable(
                            MODEL.function("all").orElseThrow().argument(param).type()),
                    param);
        }
        assertFalse(
                TREE.readable(
                        MODEL.function("all").orElseThrow().argument("holder").type()),
                "a JsonValue inside goes through text");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "line     | " + LINE,
                "line     | {\"sku\":\"\",\"quantity\":-1,\"stock\":0,\"price\":1E+2,\"weight\":1e-3,\"gift\":false,"
                        + "\"wrapped\":true,\"size\":\"SMALL\",\"tags\":[],\"bins\":[],\"flags\":{},\"due\":\"2000-02-29\","
                        + "\"id\":\"00000000-0000-0000-0000-000000000000\",\"renamed\":\"\"}",
                "lines    | [" + LINE + "," + LINE + "]",
                "page     | {\"items\":[" + LINE + "],\"total\":1}",
                "switches | {\"on\":[true,false,true],\"off\":[]}",
                "holder   | {\"name\":\"h\",\"extra\":{\"any\":[1,true,null,\"s\"]}}",
                "text     | \"ünïcödé \\\"quoted\\\" \\u2028\"",
                "small    | -2147483648",
                "big      | 9223372036854775807",
                "yes      | true",
                "no       | false",
            })
    void readsWhatJsonBReadsFromText(String param, String json) {
        ParamModel p = MODEL.function("all").orElseThrow().argument(param);
        JsonValue value = StrictJson.parseObject(("{\"v\":" + json + "}").getBytes(StandardCharsets.UTF_8))
                .get("v");
        Object fromText = JSONB.fromJson(value.toString(), p.javaType());
        Object fromTree = TREE.read(p.type(), p.javaType(), value);
        assertEquals(fromText, fromTree);
        assertEquals(String.valueOf(fromText), String.valueOf(fromTree));
    }
}
