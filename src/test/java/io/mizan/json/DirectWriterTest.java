package io.mizan.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.json.DirectReaderTest.Node;
import io.mizan.json.DirectReaderTest.Renamed;
import io.mizan.json.DirectReaderTest.Size;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import jakarta.annotation.Nullable;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.annotation.JsonbProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Plain records are written without JSON-B into exactly the text JSON-B writes for them, with the same
 * null check; every type it does not take is left to JSON-B.
 */
class DirectWriterTest {

    // the reader's test types, written here: Size, Renamed (a constant renamed for JSON-B) and Node (a
    // record that holds itself)

    // components out of name order, to be written in JSON-B's order
    public record Plain(
            String text,
            int small,
            long big,
            @Nullable Integer boxed,
            short tiny,
            byte octet,
            BigInteger huge,
            BigDecimal price,
            boolean yes,
            @Nullable Boolean boxedYes,
            Size size,
            List<String> tags,
            java.util.Set<Integer> bins,
            java.util.Collection<Node> nodes,
            @Nullable String comment,
            Node tree) {}

    public record Named(@JsonbProperty("other") String name) {}

    public record Getter(String name) {
        public int getLength() {
            return name.length();
        }
    }

    public record Computed(int a, int b) {
        public int sum() {
            return a + b;
        }
    }

    public record Dated(LocalDate due) {}

    public record Weighed(double weight) {}

    public record Extras(
            Optional<String> note, Optional<Node> tree, Map<String, Integer> counts, Map<String, Node> nodes) {}

    public record Keyed(Map<Size, String> labels) {}

    // a map, then a property after it: the map's level must close before the next property
    public record AfterMap(Map<String, Integer> counts, String title) {}

    public record RenamedSize(Renamed size) {}

    public record Page<T>(List<T> items) {}

    public record Text(String value) {}

    public static class Functions {
        @Client
        public Plain plain() {
            return null;
        }

        @Client
        public List<Plain> plains() {
            return null;
        }

        @Client
        public Text text() {
            return null;
        }

        @Client
        public Named named() {
            return null;
        }

        @Client
        public Getter getter() {
            return null;
        }

        @Client
        public Computed computed() {
            return null;
        }

        @Client
        public Dated dated() {
            return null;
        }

        @Client
        public Weighed weighed() {
            return null;
        }

        @Client
        public Extras extras() {
            return null;
        }

        @Client
        public AfterMap afterMap() {
            return null;
        }

        @Client
        public Keyed keyed() {
            return null;
        }

        @Client
        public RenamedSize renamed() {
            return null;
        }

        @Client
        public Page<Node> page() {
            return null;
        }
    }

    static final Model MODEL = new ModelBuilder(Auth.PUBLIC).build(List.of(Functions.class));
    static final ResultEncoder ENCODER = new ResultEncoder(MODEL);
    static final Jsonb JSONB = ENCODER.jsonb();

    @AfterAll
    static void close() {
        ENCODER.close();
    }

    private static Type type(String function) {
        return MODEL.function(function).orElseThrow().method().getGenericReturnType();
    }

    private static String direct(String function, Object value) {
        DirectWriter.Write plan = new DirectWriter().plan(type(function));
        assertNotNull(plan, function);
        StringBuilder out = new StringBuilder();
        NullCheck check =
                new NullCheck(MODEL, MODEL.function(function).orElseThrow().result(), function);
        plan.write(value, null, out, check);
        assertNull(check.violation(), function);
        return out.toString();
    }

    static Plain plain(String text) {
        Node tree = new Node("root", List.of(new Node("leaf \"1\"", List.of())));
        return new Plain(
                text,
                Integer.MIN_VALUE,
                Long.MAX_VALUE,
                null,
                (short) -7,
                (byte) 127,
                new BigInteger("123456789012345678901234567890"),
                new BigDecimal("10.250"),
                true,
                null,
                Size.LARGE,
                List.of("x", "", "ü"),
                new LinkedHashSet<>(List.of(3, 1, 2)),
                new ArrayList<>(List.of(tree)),
                null,
                tree);
    }

    /** A plain record with little in it: a text, a price and a tree. */
    static Plain small(String text, BigDecimal price, Node tree) {
        return new Plain(
                text,
                1,
                1,
                1,
                (short) 1,
                (byte) 1,
                BigInteger.ONE,
                price,
                true,
                true,
                Size.SMALL,
                List.of(),
                java.util.Set.of(),
                List.of(),
                null,
                tree);
    }

    @Test
    void writesWhatJsonBWritesForPlainRecords() {
        for (Plain value : List.of(
                plain("ünï \"q\" \\ / \u2028 😀"),
                plain(""),
                new Plain(
                        "t",
                        0,
                        0,
                        1,
                        (short) 0,
                        (byte) 0,
                        BigInteger.ZERO,
                        new BigDecimal("1E+2"),
                        false,
                        false,
                        Size.SMALL,
                        List.of(),
                        java.util.Set.of(),
                        List.of(),
                        "c",
                        new Node("n", List.of())))) {
            assertEquals(JSONB.toJson(value, type("plain")), direct("plain", value));
        }
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        counts.put("z", 1);
        counts.put("a \"q\"", 2);
        for (Extras value : List.of(
                new Extras(
                        Optional.of("n"),
                        Optional.of(new Node("r", List.of())),
                        counts,
                        Map.of("k", new Node("v", List.of()))),
                new Extras(Optional.empty(), Optional.empty(), Map.of(), Map.of()))) {
            assertEquals(JSONB.toJson(value, type("extras")), direct("extras", value));
        }
        List<Plain> list = List.of(plain("a"), plain("b"));
        assertEquals(JSONB.toJson(list, type("plains")), direct("plains", list));
        for (String decimal : List.of("0", "-0.000001", "1E-10", "123456789.987654321", "-5E+3")) {
            Plain value = small("d", new BigDecimal(decimal), new Node("n", List.of()));
            assertEquals(JSONB.toJson(value, type("plain")), direct("plain", value), decimal);
        }
    }

    @Test
    void escapesEveryStringAsJsonPDoesAndHalvesOfPairsAlone() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x100; c++) {
            all.append(c);
        }
        all.append("\u2028\u2029\uffff\ud83d\ude00");
        assertEquals(JSONB.toJson(new Text(all.toString())), direct("text", new Text(all.toString())));
        Random random = new Random(7);
        char[] pool = "\"\\/\b\f\n\r\t\u0000\u0001\u001f\u007f aZ09üß\u2028😀".toCharArray();
        for (int i = 0; i < 500; i++) {
            char[] s = new char[random.nextInt(12)];
            for (int j = 0; j < s.length; j++) {
                s[j] = pool[random.nextInt(pool.length)];
            }
            Text value = new Text(new String(s));
            // the pool holds the two halves of 😀 apart too: a half alone is escaped, as JSON-P does not
            assertEquals(DirectWriter.escapeLoneSurrogates(JSONB.toJson(value)), direct("text", value));
        }
    }

    @Test
    void aSurrogateThatIsNotHalfOfAPairIsWrittenAsItsEscapeByBothWriters() {
        String text = "\ud800a\udc00\udc00\ud800\ud83d\ude00\ud83d";
        String escaped = "\\ud800a\\udc00\\udc00\\ud800\ud83d\ude00\\ud83d";
        String direct = direct("text", new Text(text));
        String byJsonB = ENCODER.encode(MODEL.function("getter").orElseThrow(), new Getter(text));
        assertTrue(direct.contains(escaped), direct);
        assertTrue(byJsonB.contains(escaped), byJsonB);
        for (String json : List.of(direct, byJsonB)) {
            // what is sent encodes to UTF-8 and back as it is, and reads back as the text it stands for
            assertEquals(json, new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
            try (JsonReader reader = Json.createReader(new StringReader(json))) {
                assertTrue(reader.readObject().containsValue(Json.createValue(text)), json);
            }
        }
        assertSame(byJsonB, DirectWriter.escapeLoneSurrogates(byJsonB), "a text with none is kept as it is");
        assertEquals("[\"\\udfff\"]", DirectWriter.escapeLoneSurrogates("[\"\udfff\"]"));
    }

    @Test
    void whatJsonBCustomizesOrThisWriterDoesNotKnowIsLeftToJsonB() {
        DirectWriter writer = new DirectWriter();
        for (String function : List.of("named", "dated", "weighed", "keyed", "renamed", "page")) {
            assertNull(writer.plan(type(function)), function);
        }
        assertNotNull(writer.plan(Node.class), "a record that holds itself");
        // a plan is made once and kept, the recursive one too
        assertSame(writer.plan(type("plain")), writer.plan(type("plain")));
        assertSame(writer.plan(Node.class), writer.plan(Node.class));
    }

    @Test
    void aRecordWithMethodsOfItsOwnIsWrittenAsItsComponents() {
        DirectWriter writer = new DirectWriter();
        assertNotNull(writer.plan(type("getter")));
        assertNotNull(writer.plan(type("computed")));
        // JSON-B wrote "getLength" too, a property no generated type has
        assertEquals(
                "{\"name\":\"abc\"}", ENCODER.encode(MODEL.function("getter").orElseThrow(), new Getter("abc")));
        assertEquals(
                "{\"a\":1,\"b\":2}", ENCODER.encode(MODEL.function("computed").orElseThrow(), new Computed(1, 2)));
    }

    @Test
    void aNullTheModelRulesOutIsRefusedWithItsPath() {
        Plain missingText = small(null, BigDecimal.ONE, new Node("n", List.of()));
        ResultViolation text = assertThrows(
                ResultViolation.class,
                () -> ENCODER.encode(MODEL.function("plain").orElseThrow(), missingText));
        assertEquals(true, text.getMessage().contains("plain.result.text"), text.getMessage());
        Plain deepNull = small(
                "t",
                BigDecimal.ONE,
                new Node("root", Arrays.asList(new Node("a", List.of()), new Node(null, List.of()))));
        ResultViolation deep = assertThrows(
                ResultViolation.class,
                () -> ENCODER.encode(MODEL.function("plain").orElseThrow(), deepNull));
        assertEquals(true, deep.getMessage().contains("plain.result.tree.children[1].name"), deep.getMessage());
        ResultViolation afterMap = assertThrows(
                ResultViolation.class,
                () -> ENCODER.encode(MODEL.function("afterMap").orElseThrow(), new AfterMap(Map.of("a", 1), null)));
        assertEquals(true, afterMap.getMessage().contains("afterMap.result.title"), afterMap.getMessage());
        assertEquals(
                JSONB.toJson(plain("n"), type("plain")),
                ENCODER.encode(MODEL.function("plain").orElseThrow(), plain("n")));
    }
}
