package io.mizan.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.messages.Messages;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import jakarta.annotation.Nullable;
import jakarta.json.bind.annotation.JsonbProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Results are written by the real JSON-B and held to the model: a null the types rule out is refused with its path. */
class ResultEncoderTest {

    public record Report(String title, Optional<String> note, @Nullable String extra) {}

    public record Page<T>(List<T> items, Map<String, T> byName) {}

    public record Named(@JsonbProperty("display_name") String displayName) {}

    /** A record with methods JSON-B would write as properties the generated types do not have. */
    public record Line(int qty, @JsonbProperty("unit_price") int price) {
        public int getTotal() {
            return qty * price;
        }

        public boolean isFree() {
            return price == 0;
        }

        public String describe() {
            return qty + " at " + price;
        }
    }

    public record PlainLine(int qty, int price) {
        public int total() {
            return qty * price;
        }
    }

    public static class Reports {
        public static Object next;

        @Client
        public Line line() {
            return (Line) next;
        }

        @Client
        public PlainLine plainLine() {
            return (PlainLine) next;
        }

        @Client
        public Report weekly() {
            return (Report) next;
        }

        @Client
        public Optional<Report> maybe() {
            return Optional.ofNullable((Report) next);
        }

        @Client
        @SuppressWarnings("unchecked")
        public List<String> names() {
            return (List<String>) next;
        }

        @Client
        @SuppressWarnings("unchecked")
        public Page<Report> page() {
            return (Page<Report>) next;
        }

        @Client
        public Named named() {
            return (Named) next;
        }

        @Client
        public void nothing() {}
    }

    static final Model MODEL = new ModelBuilder(Auth.PUBLIC).build(List.of(Reports.class));
    static final ResultEncoder ENCODER = new ResultEncoder(MODEL);

    @AfterAll
    static void close() {
        ENCODER.close();
    }

    static String encode(String function, Object value) {
        Reports.next = value;
        return ENCODER.encode(MODEL.function(function).orElseThrow(), value);
    }

    static String violation(String function, Object value) {
        return assertThrows(ResultViolation.class, () -> encode(function, value))
                .getMessage();
    }

    @Test
    void soundResultsAreWrittenAsJsonbWritesThem() {
        assertEquals(
                "{\"extra\":null,\"note\":null,\"title\":\"t\"}",
                encode("weekly", new Report("t", Optional.empty(), null)));
        assertEquals("[\"a\",\"b\"]", encode("names", List.of("a", "b")));
        assertEquals("null", encode("maybe", null));
        assertEquals("null", encode("nothing", null));
        assertEquals("{\"display_name\":\"Ada\"}", encode("named", new Named("Ada")));
        assertEquals(
                "{\"byName\":{\"a\":{\"extra\":null,\"note\":\"n\",\"title\":\"t\"}},\"items\":[]}",
                encode("page", new Page<>(List.of(), Map.of("a", new Report("t", Optional.of("n"), null)))));
    }

    @ParameterizedTest
    @CsvSource({
        "weekly, root, weekly.result",
        "weekly, title, weekly.result.title",
        "names, item, names.result[1]",
        "page, item, page.result.items[1].title",
        "page, map, page.result.byName[b].title",
        "page, list, page.result.items",
        "named, name, named.result.display_name"
    })
    void aNullTheModelRulesOutIsRefusedWithItsPath(String function, String where, String path) {
        Report good = new Report("t", Optional.empty(), null);
        Report untitled = new Report(null, Optional.empty(), null);
        Object value =
                switch (where) {
                    case "root" -> null;
                    case "title" -> untitled;
                    case "item" -> function.equals("names")
                            ? Arrays.asList("a", null)
                            : new Page<>(List.of(good, untitled), Map.of());
                    case "map" -> new Page<>(List.of(), Map.of("a", good, "b", untitled));
                    case "list" -> new Page<Report>(null, Map.of());
                    case "name" -> new Named(null);
                    default -> throw new IllegalArgumentException(where);
                };
        String message = violation(function, value);
        assertEquals("MIZAN-120", Messages.id(message));
        assertTrue(message.startsWith("MIZAN-120 " + path + " is null"), message);
        assertTrue(message.contains(Reports.class.getName() + "." + function), message);
    }

    @Test
    void aRecordIsWrittenAsItsComponentsAloneAsItsTypeSays() {
        // JSON-B would add "getTotal", "isFree" and "describe", and "total": properties no generated type has
        assertEquals("{\"qty\":2,\"unit_price\":3}", encode("line", new Line(2, 3)));
        assertEquals("{\"price\":3,\"qty\":2}", encode("plainLine", new PlainLine(2, 3)));
    }

    @Test
    void theCheckIsOnlyActiveWhileAResultIsEncoded() {
        assertEquals(
                "{\"extra\":null,\"note\":null,\"title\":null}",
                ENCODER.jsonb().toJson(new Report(null, Optional.empty(), null)));
    }
}
