package io.mizan.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import jakarta.annotation.Nullable;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a result's null breaks the model, the 500's log names the path as the TypeScript types spell
 * it: properties by their JSON names, list items by index, map values by key, through generic records,
 * optionals and nested lists. Where the types allow a null, the result is written as it is.
 */
class NullCheckPathsTest {

    public enum Color {
        RED,
        GREEN
    }

    public record Line(String sku, @Nullable String note) {}

    public record Box<T>(T value) {}

    public record MaybeBox<T>(@Nullable T value) {}

    public record Wrapper<T>(Box<T> box, List<T> all) {}

    public record Pair<A, B>(A left, B right) {}

    public record Node(String name, List<Node> children) {}

    public record Paint(Color color, Optional<Color> accent) {}

    public record Doc(
            String title, JsonValue extra, Map<String, List<String>> tags, String[] lines, Set<String> labels) {}

    public record Labelled(@JsonbProperty("label") String name) {}

    public static class Results {
        @Client
        public List<Line> lines() {
            return null;
        }

        @Client
        public List<List<String>> grid() {
            return null;
        }

        @Client
        public Box<String> box() {
            return null;
        }

        @Client
        public MaybeBox<String> maybeBox() {
            return null;
        }

        @Client
        public Box<Optional<String>> optionalBox() {
            return null;
        }

        @Client
        public Wrapper<Line> wrapper() {
            return null;
        }

        @Client
        public Pair<Line, Box<Integer>> pair() {
            return null;
        }

        @Client
        public Node tree() {
            return null;
        }

        @Client
        public Paint paint() {
            return null;
        }

        @Client
        public Doc doc() {
            return null;
        }

        @Client
        public Map<String, Line> byId() {
            return null;
        }

        @Client
        public Optional<List<Line>> maybeLines() {
            return null;
        }

        @Client
        public List<Optional<String>> optionals() {
            return null;
        }

        @Client
        public JsonValue json() {
            return null;
        }

        @Client
        public Labelled labelled() {
            return null;
        }

        @Client
        public Box<Labelled> boxedLabel() {
            return null;
        }

        /** Objects one after another at one depth: what the first wrote is not counted for the next. */
        @Client
        public List<Labelled> labels() {
            return null;
        }

        /** An object and then a list at the same depth: the check's level for one is used again for the other. */
        @Client
        public Pair<Line, List<String>> mixed() {
            return null;
        }
    }

    static final Model MODEL = new ModelBuilder(Auth.PUBLIC).build(List.of(Results.class));
    static final ResultEncoder ENCODER = new ResultEncoder(MODEL);

    @AfterAll
    static void close() {
        ENCODER.close();
    }

    static final Line GOOD = new Line("a-1", null);
    static final Line NO_SKU = new Line(null, "n");

    @SafeVarargs
    static <T> List<T> list(T... items) {
        return Arrays.asList(items); // unlike List.of, it takes nulls
    }

    @SuppressWarnings("unchecked")
    static <V> Map<String, V> map(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }

    static Object value(String name) {
        return switch (name) {
            case "lines: third has no sku" -> list(GOOD, GOOD, NO_SKU);
            case "lines: a null line" -> list(GOOD, null);
            case "lines: two bad, first counts" -> list(GOOD, NO_SKU, null);
            case "lines: notes may be null" -> list(GOOD, new Line("b", null));
            case "grid: null cell" -> list(list("a", "b"), list("c", null));
            case "grid: null row" -> list(list("a"), null);
            case "box: null value" -> new Box<>(null);
            case "maybeBox: null value" -> new MaybeBox<>(null);
            case "optionalBox: empty" -> new Box<>(Optional.empty());
            case "wrapper: null in box" -> new Wrapper<>(new Box<>(NO_SKU), List.of(GOOD));
            case "wrapper: null item" -> new Wrapper<>(new Box<>(GOOD), list(GOOD, null));
            case "wrapper: item without sku" -> new Wrapper<>(new Box<>(GOOD), list(GOOD, NO_SKU));
            case "wrapper: sound" -> new Wrapper<>(new Box<>(GOOD), List.of(GOOD, GOOD));
            case "pair: right box empty" -> new Pair<>(GOOD, new Box<Integer>(null));
            case "pair: left without sku" -> new Pair<>(NO_SKU, new Box<>(1));
            case "tree: deep name" -> new Node(
                    "root", List.of(new Node("a", List.of()), new Node("b", List.of(new Node(null, List.of())))));
            case "tree: null children" -> new Node("root", List.of(new Node("a", null)));
            case "paint: no color" -> new Paint(null, Optional.empty());
            case "paint: sound" -> new Paint(Color.RED, Optional.of(Color.GREEN));
            case "doc: null title" -> new Doc(null, JsonValue.NULL, Map.of(), new String[0], Set.of());
            case "doc: free-form json holds nulls" -> new Doc(
                    "t",
                    Json.createObjectBuilder()
                            .addNull("anything")
                            .add("deep", Json.createArrayBuilder().addNull())
                            .build(),
                    Map.of(),
                    new String[0],
                    Set.of());
            case "doc: json is null" -> new Doc("t", null, Map.of(), new String[0], Set.of());
            case "doc: null tag" -> new Doc(
                    "t",
                    JsonValue.NULL,
                    NullCheckPathsTest.<List<String>>map("x", List.of("1"), "y", list("2", null)),
                    new String[0],
                    Set.of());
            case "doc: null line" -> new Doc("t", JsonValue.NULL, Map.of(), new String[] {"a", null}, Set.of());
            case "doc: null label" -> new Doc(
                    "t", JsonValue.NULL, Map.of(), new String[0], new java.util.HashSet<>(list((String) null)));
            case "byId: null value" -> map("a", GOOD, "b", null);
            case "byId: value without sku" -> map("a", NO_SKU);
            case "maybeLines: empty" -> Optional.empty();
            case "maybeLines: null inside" -> Optional.of(list(GOOD, null));
            case "optionals: empty items" -> list(Optional.empty(), Optional.of("x"));
            case "json: an object of nulls" -> Json.createObjectBuilder()
                    .addNull("a")
                    .build();
            case "labelled: left out" -> new Labelled(null);
            case "boxedLabel: left out" -> new Box<>(new Labelled(null));
            case "mixed: null in the list after a line" -> new Pair<>(GOOD, list("x", null));
            case "labels: second left out" -> List.of(new Labelled("a"), new Labelled(null));
            case "mixed: sound" -> new Pair<>(new Line("a-1", "n"), List.of("x", "y"));
            default -> throw new IllegalArgumentException(name);
        };
    }

    static String encode(String function, Object value) {
        return ENCODER.encode(MODEL.function(function).orElseThrow(), value);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '#',
            value = {
                "lines: third has no sku#          lines.result[2].sku",
                "lines: a null line#               lines.result[1]",
                "lines: two bad, first counts#     lines.result[1].sku",
                "grid: null cell#                  grid.result[1][1]",
                "grid: null row#                   grid.result[1]",
                "box: null value#                  box.result.value",
                "wrapper: null in box#             wrapper.result.box.value.sku",
                "wrapper: null item#               wrapper.result.all[1]",
                "wrapper: item without sku#        wrapper.result.all[1].sku",
                "pair: right box empty#            pair.result.right.value",
                "pair: left without sku#           pair.result.left.sku",
                "tree: deep name#                  tree.result.children[1].children[0].name",
                "tree: null children#              tree.result.children[0].children",
                "paint: no color#                  paint.result.color",
                "doc: null title#                  doc.result.title",
                "doc: null tag#                    doc.result.tags[y][1]",
                "doc: null line#                   doc.result.lines[1]",
                "doc: null label#                  doc.result.labels[0]",
                "byId: null value#                 byId.result[b]",
                "byId: value without sku#          byId.result[a].sku",
                "maybeLines: null inside#          maybeLines.result[1]",
                "labelled: left out#               labelled.result.label",
                "boxedLabel: left out#             boxedLabel.result.value.label",
                "mixed: null in the list after a line# mixed.result.right[1]",
                "labels: second left out#          labels.result[1].label"
            })
    void aNullTheTypesRuleOutIsNamedByItsPath(String value, String path) {
        ResultViolation v =
                assertThrows(ResultViolation.class, () -> encode(value.substring(0, value.indexOf(':')), value(value)));
        assertTrue(v.getMessage().contains(" " + path + " "), v.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '#',
            value = {
                "lines: notes may be null#          [{\"note\":null,\"sku\":\"a-1\"},{\"note\":null,\"sku\":\"b\"}]",
                "maybeBox: null value#              {\"value\":null}",
                "optionalBox: empty#                {\"value\":null}",
                "wrapper: sound#                    {\"all\":[{\"note\":null,\"sku\":\"a-1\"},{\"note\":null,\"sku\":\"a-1\"}],\"box\":{\"value\":{\"note\":null,\"sku\":\"a-1\"}}}",
                "paint: sound#                      {\"accent\":\"GREEN\",\"color\":\"RED\"}",
                "doc: free-form json holds nulls#   {\"extra\":{\"anything\":null,\"deep\":[null]},\"labels\":[],\"lines\":[],\"tags\":{},\"title\":\"t\"}",
                "doc: json is null#                 {\"extra\":null,\"labels\":[],\"lines\":[],\"tags\":{},\"title\":\"t\"}",
                "maybeLines: empty#                 null",
                "optionals: empty items#            [null,\"x\"]",
                "json: an object of nulls#          {\"a\":null}",
                "mixed: sound#                      {\"left\":{\"note\":\"n\",\"sku\":\"a-1\"},\"right\":[\"x\",\"y\"]}"
            })
    void aNullTheTypesAllowIsWritten(String value, String json) {
        assertEquals(json, encode(value.substring(0, value.indexOf(':')), value(value)));
    }

    @Test
    void aNullResultIsRefusedUnlessItsTypeAllowsIt() {
        assertEquals("null", encode("json", null));
        assertEquals("null", encode("maybeLines", null));
        ResultViolation v = assertThrows(ResultViolation.class, () -> encode("lines", null));
        assertTrue(v.getMessage().contains(" lines.result "), v.getMessage());
    }

    @Test
    void theEncoderCanBeUsedAgainAfterAViolation() {
        assertThrows(ResultViolation.class, () -> encode("lines", value("lines: a null line")));
        assertEquals("[{\"note\":null,\"sku\":\"a-1\"}]", encode("lines", List.of(GOOD)));
        assertEquals("{\"note\":null,\"sku\":null}", ENCODER.jsonb().toJson(new Line(null, null)));
    }
}
