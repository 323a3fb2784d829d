package io.mizan.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.MizanException;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import io.mizan.model.ParamModel;
import jakarta.annotation.Nullable;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plain records are built from the tree without JSON-B, into exactly what JSON-B builds from the same
 * text; every type it does not take, and every value it leaves, still reaches JSON-B.
 */
class DirectReaderTest {

    public enum Size {
        SMALL,
        LARGE
    }

    public enum Renamed {
        @JsonbProperty("s")
        SMALL
    }

    public record Node(String name, List<Node> children) {}

    public record Plain(
            String text,
            int small,
            long big,
            Integer boxed,
            Long boxedBig,
            BigDecimal price,
            double weight,
            Double boxedWeight,
            boolean yes,
            Boolean boxedYes,
            Size size,
            List<String> tags,
            Set<Integer> bins,
            Map<String, Boolean> flags,
            Optional<String> note,
            Optional<Node> tree,
            @Nullable String comment,
            List<Node> nodes) {}

    public record Checked(String code) {
        public Checked {
            if (code.isEmpty()) {
                throw new IllegalArgumentException("empty code");
            }
        }
    }

    public record WithProperty(@JsonbProperty("other") String name) {}

    public record WithDate(LocalDate due) {}

    public record WithRenamedEnum(Renamed size) {}

    public record WithCreator(String name) {
        @JsonbCreator
        public WithCreator {}
    }

    public record Page<T>(List<T> items) {}

    public static class Bean {
        public String name;
    }

    public static class Functions {
        @Client
        public void all(
                Plain plain,
                List<Plain> plains,
                Checked checked,
                WithProperty property,
                WithDate date,
                WithRenamedEnum renamed,
                WithCreator creator,
                Page<Node> page,
                Bean bean) {}
    }

    static final Model MODEL = new ModelBuilder(Auth.PUBLIC).build(List.of(Functions.class));
    static final ResultEncoder ENCODER = new ResultEncoder(MODEL);
    static final Jsonb JSONB = ENCODER.jsonb();
    static final TreeReader TREE = new TreeReader(MODEL, JSONB);

    static final String PLAIN = "{\"text\":\"ünï \\\"q\\\"\",\"small\":-2147483648,\"big\":9223372036854775807,"
            + "\"boxed\":7,\"boxedBig\":-1,\"price\":10.25,\"weight\":0.1,\"boxedWeight\":1e-3,\"yes\":true,"
            + "\"boxedYes\":false,\"size\":\"LARGE\",\"tags\":[\"x\",\"y\"],\"bins\":[3,1,2],"
            + "\"flags\":{\"b\":false,\"a\":true},\"note\":\"n\",\"tree\":{\"name\":\"root\",\"children\":"
            + "[{\"name\":\"leaf\",\"children\":[]}]},\"comment\":\"c\",\"nodes\":[]}";

    @AfterAll
    static void close() throws Exception {
        ENCODER.close();
    }

    private static Type type(String param) {
        return MODEL.function("all").orElseThrow().argument(param).javaType();
    }

    private static JsonValue parsed(String json) {
        return StrictJson.parseObject(("{\"v\":" + json + "}").getBytes(StandardCharsets.UTF_8))
                .get("v");
    }

    @Test
    void plainRecordsAndTheirCollectionsArePlanned() {
        DirectReader reader = new DirectReader();
        for (String param : List.of("plain", "plains", "checked")) {
            assertNotNull(reader.plan(type(param)), param);
        }
        assertNotNull(reader.plan(Node.class), "a record that holds itself");
    }

    @Test
    void whatJsonBCustomizesOrThisReaderDoesNotKnowIsLeftToJsonB() {
        DirectReader reader = new DirectReader();
        for (String param : List.of("property", "date", "renamed", "creator", "page", "bean")) {
            assertNull(reader.plan(type(param)), param);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "plain    | " + PLAIN,
                "plain    | {\"text\":\"\",\"small\":0,\"big\":0,\"boxed\":null,\"price\":1E+2,\"weight\":-0.0,"
                        + "\"yes\":false,\"size\":\"SMALL\",\"tags\":[],\"bins\":[],\"flags\":{},\"nodes\":[],"
                        + "\"unknown\":{\"ignored\":[1]}}",
                "plain    | {\"text\":\"t\",\"small\":1.0,\"big\":2,\"price\":0,\"weight\":3,\"yes\":true,"
                        + "\"size\":\"LARGE\",\"tags\":[null],\"bins\":[1],\"flags\":{\"n\":null},\"nodes\":[],"
                        + "\"note\":null,\"tree\":null,\"comment\":null}",
                "plains   | [" + PLAIN + "," + PLAIN + "]",
                "checked  | {\"code\":\"A\"}",
                "property | {\"other\":\"x\"}",
                "date     | {\"due\":\"2025-01-31\"}",
                "page     | {\"items\":[{\"name\":\"n\",\"children\":[]}]}",
            })
    void readsWhatJsonBReadsFromText(String param, String json) {
        JsonValue value = parsed(json);
        Object fromText = JSONB.fromJson(value.toString(), type(param));
        Object fromTree =
                TREE.read(MODEL.function("all").orElseThrow().argument(param).type(), type(param), value);
        assertEquals(fromText, fromTree);
        assertEquals(String.valueOf(fromText), String.valueOf(fromTree));
    }

    @Test
    void collectionsAreTheOnesJsonBMakes() {
        Plain plain = (Plain)
                TREE.read(MODEL.function("all").orElseThrow().argument("plain").type(), Plain.class, parsed(PLAIN));
        assertInstanceOf(ArrayList.class, plain.tags());
        assertInstanceOf(HashSet.class, plain.bins());
        assertInstanceOf(HashMap.class, plain.flags());
        assertEquals("leaf", plain.tree().orElseThrow().children().get(0).name());
    }

    @Test
    void aValueWrittenAsJsonBAloneReadsExactlyIsLeftToIt() throws Throwable {
        DirectReader.Read read = new DirectReader().plan(Plain.class);
        JsonValue fraction = parsed("{\"text\":\"t\",\"small\":1.0,\"big\":2,\"price\":0,\"weight\":3,\"yes\":true,"
                + "\"size\":\"LARGE\",\"tags\":[],\"bins\":[],\"flags\":{},\"nodes\":[]}");
        RuntimeException left = assertThrows(RuntimeException.class, () -> read.from(fraction));
        assertSame(DirectReader.ELSEWHERE, left);
    }

    @Test
    void whatARecordsConstructorThrowsIsA400NamingTheArgument() {
        ArgumentBinder binder = new ArgumentBinder(MODEL, JSONB);
        ParamModel p = MODEL.function("all").orElseThrow().argument("checked");
        MizanException e = assertThrows(
                MizanException.class, () -> binder.read("checked", p.type(), p.javaType(), parsed("{\"code\":\"\"}")));
        assertEquals(400, e.status());
        assertEquals("MIZAN-134", e.code());
        assertEquals(new Checked("B"), binder.read("checked", p.type(), p.javaType(), parsed("{\"code\":\"B\"}")));
    }

    @Test
    void threadsThatMeetATypeTogetherEachGetItsFinishedPlan() throws Exception {
        JsonValue tree = parsed("{\"name\":\"root\",\"children\":[{\"name\":\"leaf\",\"children\":[]}]}");
        Node expected = JSONB.fromJson(tree.toString(), Node.class);
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 200; round++) {
                DirectReader reader = new DirectReader(); // planned afresh: the race is in the planning
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
                List<java.util.concurrent.Future<Object>> reads = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    reads.add(pool.submit(() -> {
                        start.await();
                        try {
                            return reader.plan(Node.class).from(tree);
                        } catch (Throwable e) {
                            return e;
                        }
                    }));
                }
                for (java.util.concurrent.Future<Object> read : reads) {
                    assertEquals(expected, read.get(), "round " + round);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
