package io.mizan.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.MizanException;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

/**
 * The date-time texts a form sends. An input gives a local date and time ({@code 2025-01-31T10:15}); a local type
 * reads it as it is, and a type that holds a moment needs the offset the form runtime adds
 * ({@code 2025-01-31T10:15:00+01:00}; an Instant needs the seconds): without it the server cannot know which moment was meant.
 */
class DateTimeArgumentsTest {

    public static class Times {
        @Client
        public void local(LocalDateTime value) {}

        @Client
        public void localTime(LocalTime value) {}

        @Client
        public void instant(Instant value) {}

        @Client
        public void offset(OffsetDateTime value) {}

        @Client
        public void zoned(ZonedDateTime value) {}

        @Client
        public void date(Date value) {}

        @Client
        public void offsetTime(OffsetTime value) {}
    }

    static final Model MODEL = new ModelBuilder(Auth.PUBLIC).build(List.of(Times.class));
    static final Jsonb JSONB = JsonbBuilder.create();
    static final ArgumentBinder BINDER = new ArgumentBinder(MODEL, JSONB);

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    static Object bind(String function, String text) {
        FunctionModel f = MODEL.function(function).orElseThrow();
        String json = "{\"value\":\"" + text + "\"}";
        return BINDER.bind(f, StrictJson.parseObject(json.getBytes(StandardCharsets.UTF_8)), source -> null)[0];
    }

    private static Instant instantOf(Object bound) {
        if (bound instanceof Instant i) {
            return i;
        }
        if (bound instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (bound instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        return ((Date) bound).toInstant();
    }

    @ParameterizedTest(name = "{0}(\"{1}\")")
    @CsvSource({
        "local,      2025-01-31T10:15,    2025-01-31T10:15",
        "local,      2025-01-31T10:15:30, 2025-01-31T10:15:30",
        "localTime,  10:15,               10:15"
    })
    void aLocalTypeReadsTheInputAsItIs(String function, String text, String bound) {
        assertEquals(bound, String.valueOf(bind(function, text)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"instant", "offset", "zoned", "date"})
    void aMomentReadsTheInputWithTheOffsetTheFormAdds(String function) {
        assertEquals(Instant.parse("2025-01-31T09:15:00Z"), instantOf(bind(function, "2025-01-31T10:15:00+01:00")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"instant", "offset", "zoned"})
    void aMomentRefusesTheInputWithoutAnOffset(String function) {
        assertEquals(
                400,
                assertThrows(MizanException.class, () -> bind(function, "2025-01-31T10:15"))
                        .status());
    }

    @org.junit.jupiter.api.Test
    void anOffsetTimeReadsTheInputWithTheOffsetTheFormAddsAndRefusesItWithout() {
        assertEquals(OffsetTime.parse("10:15+01:00"), bind("offsetTime", "10:15:00+01:00"));
        assertEquals(
                400,
                assertThrows(MizanException.class, () -> bind("offsetTime", "10:15"))
                        .status());
    }
}
