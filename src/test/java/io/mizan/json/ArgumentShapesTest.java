package io.mizan.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.MizanException;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Each kind of argument refuses the JSON kinds it cannot be, and says what it should have been in
 * JSON's terms; a value of the right kind that JSON-B still cannot read (a malformed date) is refused
 * the same way, never with the parser's message.
 */
class ArgumentShapesTest {

    public record Point(int x, int y) {}

    public record Visit(String who, OffsetDateTime at, List<LocalDate> days, Map<String, UUID> ids) {}

    public static class Kinds {
        @Client
        public void flag(boolean value) {}

        @Client
        public void letter(char value) {}

        @Client
        public void text(String value) {}

        @Client
        public void day(LocalDate value) {}

        @Client
        public void moment(OffsetDateTime value) {}

        @Client
        public void time(LocalTime value) {}

        @Client
        public void pause(Duration value) {}

        @Client
        public void id(UUID value) {}

        @Client
        public void list(List<String> value) {}

        @Client
        public void map(Map<String, String> value) {}

        @Client
        public void point(Point value) {}

        @Client
        public void visits(List<Visit> value) {}

        @Client
        public void ratio(double value) {}

        @Client
        public void any(JsonValue value) {}

        @Client
        public void optionals(OptionalInt i, OptionalLong l, OptionalDouble d) {}
    }

    static final Model MODEL = new ModelBuilder(Auth.PUBLIC).build(List.of(Kinds.class));
    static final ArgumentBinder BINDER = new ArgumentBinder(MODEL, JsonbBuilder.create());

    static Object[] bind(String function, String json) {
        return BINDER.bind(
                MODEL.function(function).orElseThrow(),
                StrictJson.parseObject(json.getBytes(StandardCharsets.UTF_8)),
                source -> null);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "flag   | true                    | \"true\"         | true or false",
                "flag   | false                   | 1                | true or false",
                "letter | \"a\"                   | \"ab\"           | a string of one character",
                "letter | \"b\"                   | 1                | a string",
                "text   | \"x\"                   | true             | a string",
                "ratio  | 0.5                     | \"0.5\"          | a number",
                "day    | \"2025-01-31\"          | 20250131         | an ISO-8601 date string (2025-01-31)",
                "day    | \"2025-01-31\"          | \"31.01.2025\"   | an ISO-8601 date string (2025-01-31)",
                "moment | \"2025-01-31T10:15:30Z\" | 1               | an ISO-8601 date-time string (2025-01-31T10:15:30+01:00)",
                "time   | \"10:15:30\"            | 1                | an ISO-8601 time string (10:15:30)",
                "pause  | \"PT15M\"               | 900              | an ISO-8601 duration string (PT15M)",
                "id     | \"0f8fad5b-d9cb-469f-a165-70867728950e\" | 1 | a UUID string",
                "list   | [\"a\"]                 | {}               | an array",
                "map    | {\"a\":\"b\"}           | []               | an object",
                "point  | {\"x\":1,\"y\":2}       | [1,2]            | an object",
                "point  | {\"x\":1,\"y\":2}       | \"1,2\"          | an object",
            })
    void eachKindRefusesTheOthers(String function, String good, String bad, String expected) {
        bind(function, "{\"value\":" + good + "}");
        MizanException e = assertThrows(MizanException.class, () -> bind(function, "{\"value\":" + bad + "}"));
        assertEquals(400, e.status());
        assertEquals("MIZAN-134", e.code());
        assertEquals("Argument 'value' must be " + expected, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"at\":\"garbage\"               | value[1].at       | an ISO-8601 date-time string (2025-01-31T10:15:30+01:00)",
                "\"days\":[\"2025-01-31\",\"31.1.\"] | value[1].days[1] | an ISO-8601 date string (2025-01-31)",
                "\"ids\":{\"a\":\"0\"}          | value[1].ids[a]   | a UUID string",
            })
    void aStringItsTypeCannotReadIsNamedByItsPath(String bad, String path, String expected) {
        String good = "{\"who\":\"a\",\"at\":\"2025-01-31T10:15:30Z\",\"days\":[],\"ids\":{}}";
        String worse = good.replaceFirst("\"" + bad.substring(1, bad.indexOf('"', 1)) + "\":[^,}]*[]}]?", bad);
        bind("visits", "{\"value\":[" + good + "," + good + "]}");
        MizanException e = assertThrows(
                MizanException.class, () -> bind("visits", "{\"value\":[" + good + "," + worse + "]}"), worse);
        assertEquals("MIZAN-134", e.code());
        assertEquals("Argument '" + path + "' must be " + expected, e.getMessage());
    }

    @Test
    void aPropertyARecordDoesNotHaveIsRefusedByItsPathBeforeAMissingOneItMayStandFor() {
        String good = "{\"who\":\"a\",\"at\":\"2025-01-31T10:15:30Z\",\"days\":[],\"ids\":{}}";
        MizanException typo = assertThrows(
                MizanException.class,
                () -> bind("visits", "{\"value\":[" + good + "," + good.replace("who", "whom") + "]}"));
        assertEquals(400, typo.status());
        assertEquals("MIZAN-129", typo.code());
        assertEquals(
                "Unknown property 'whom' in argument 'value[1]'; it has 'who', 'at', 'days', 'ids'", typo.getMessage());
        MizanException extra = assertThrows(
                MizanException.class, () -> bind("point", "{\"value\":{\"x\":1,\"y\":2,\"z\":3,\"w\":4}}"));
        assertEquals("MIZAN-129", extra.code());
        assertEquals("Unknown properties 'w', 'z' in argument 'value'; it has 'x', 'y'", extra.getMessage());
        // a map's keys are its data, not properties; a JsonValue takes anything
        bind("map", "{\"value\":{\"anything\":\"b\"}}");
        bind("any", "{\"value\":{\"anything\":1}}");
    }

    @Test
    void aJsonValueTakesAnything() {
        for (String any : List.of("1", "\"x\"", "[null]", "{\"a\":null}", "true")) {
            assertEquals(
                    StrictJson.parseObject(("{\"v\":" + any + "}").getBytes(StandardCharsets.UTF_8))
                            .get("v"),
                    bind("any", "{\"value\":" + any + "}")[0]);
        }
    }

    @Test
    void leftOutOptionalNumbersAreEmptyNotNull() {
        Object[] args = bind("optionals", "{}");
        assertEquals(OptionalInt.empty(), args[0]);
        assertEquals(OptionalLong.empty(), args[1]);
        assertEquals(OptionalDouble.empty(), args[2]);
        Object[] given = bind("optionals", "{\"i\":1,\"l\":2,\"d\":0.5}");
        assertEquals(OptionalInt.of(1), given[0]);
        assertEquals(OptionalLong.of(2), given[1]);
        assertEquals(OptionalDouble.of(0.5), given[2]);
    }
}
