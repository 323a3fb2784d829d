package io.mizan.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.MizanException;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import jakarta.annotation.Nullable;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binding by name with the real JSON-B (Yasson): every shape the TypeScript types rule out is a 400. */
class ArgumentBinderTest {

    public enum Tier {
        FREE,
        PRO
    }

    public record Address(String city, @Nullable String zip) {}

    public record Box<T>(List<T> items, Optional<String> label) {}

    public record Signup(
            String email,
            int age,
            Address address,
            List<String> nicknames,
            Map<String, Integer> scores,
            Tier tier,
            Box<Address> box) {}

    public static class Forms {
        @Client
        public String signup(Signup signup, Principal me) {
            return "";
        }

        @Client
        public String tally(long count, Optional<String> note, @Nullable Integer limit) {
            return "";
        }

        @Client
        public String holes(
                List<@io.mizan.json.typeuse.Nullable String> names,
                Map<String, @io.mizan.json.typeuse.Nullable Integer> counts) {
            return "";
        }
    }

    @Test
    void aGenericSuperclassesFunctionReadsAndWritesTheTypesTheBeanClassGivesIt() {
        Object[] args = bind(
                "saveAll",
                "{\"items\":[{\"city\":\"Oslo\",\"zip\":null}],\"first\":{\"city\":\"Rome\",\"zip\":\"1\"}}");
        assertEquals(List.of(new Address("Oslo", null)), args[0]);
        assertEquals(Optional.of(new Address("Rome", "1")), args[1]);
        MizanException missing =
                assertThrows(MizanException.class, () -> bind("saveAll", "{\"items\":[{}],\"first\":null}"));
        assertTrue(missing.getMessage().contains("'items[0].city' is missing"), missing.getMessage());
        FunctionModel saveAll = MODEL.function("saveAll").orElseThrow();
        assertEquals(
                "[{\"city\":\"Oslo\",\"zip\":null}]",
                new ResultEncoder(MODEL).encode(saveAll, List.of(new Address("Oslo", null))));
    }

    @Test
    void anElementMarkedNullableTakesNullAndTheOthersDoNot() {
        Object[] args = bind("holes", "{\"names\":[\"a\",null],\"counts\":{\"x\":null}}");
        assertEquals(java.util.Arrays.asList("a", null), args[0]);
        assertTrue(((Map<?, ?>) args[1]).containsKey("x"));
        MizanException e = assertThrows(MizanException.class, () -> bind("tally", "{\"count\":null}"));
        assertEquals(400, e.status());
    }

    public abstract static class Crud<T> {
        @Client
        public List<T> saveAll(List<T> items, Optional<T> first) {
            return items;
        }
    }

    public static class Addresses extends Crud<Address> {}

    static final Model MODEL = new ModelBuilder(Auth.PUBLIC).build(List.of(Forms.class, Addresses.class));
    static final Jsonb JSONB = JsonbBuilder.create();
    static final ArgumentBinder BINDER = new ArgumentBinder(MODEL, JSONB);

    static Object[] bind(String function, String json) {
        FunctionModel f = MODEL.function(function).orElseThrow();
        return BINDER.bind(f, StrictJson.parseObject(json.getBytes(StandardCharsets.UTF_8)), source -> "injected");
    }

    static final String GOOD = "{\"email\":\"a@b.c\",\"age\":30,\"address\":{\"city\":\"Oslo\",\"zip\":null},"
            + "\"nicknames\":[\"al\"],\"scores\":{\"x\":1},\"tier\":\"PRO\",\"box\":{\"items\":[{\"city\":\"Rome\"}],\"label\":null}}";

    @Test
    void bindsNestedRecordsAndInjects() {
        Object[] args = bind("signup", "{\"signup\":" + GOOD + "}");
        Signup s = (Signup) args[0];
        assertEquals("Oslo", s.address().city());
        assertEquals(Tier.PRO, s.tier());
        assertEquals("Rome", s.box().items().get(0).city());
        assertEquals(Optional.empty(), s.box().label());
        assertEquals("injected", args[1]);
    }

    @Test
    void optionalAndNullableMayBeLeftOut() {
        assertArrayEquals(new Object[] {5L, Optional.empty(), null}, bind("tally", "{\"count\":5}"));
        assertArrayEquals(
                new Object[] {5L, Optional.of("x"), 3}, bind("tally", "{\"count\":5,\"note\":\"x\",\"limit\":3}"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"address\":{\"city\":\"Oslo\",\"zip\":null}       | \"address\":null                 | MIZAN-133 | 'signup.address' must not be null",
                "\"address\":{\"city\":\"Oslo\",\"zip\":null}       | \"address\":{\"zip\":\"1\"}      | MIZAN-132 | 'signup.address.city' is missing",
                "\"age\":30                                         | \"age\":\"30\"                   | MIZAN-134 | 'signup.age' must be a whole number within 32 bits",
                "\"nicknames\":[\"al\"]                             | \"nicknames\":[\"al\",null]      | MIZAN-133 | 'signup.nicknames[1]' must not be null",
                "\"scores\":{\"x\":1}                               | \"scores\":{\"x\":\"1\"}         | MIZAN-134 | 'signup.scores[x]' must be a whole number within 32 bits",
                "\"tier\":\"PRO\"                                   | \"tier\":\"GOLD\"                | MIZAN-134 | 'signup.tier' must be one of 'FREE', 'PRO'",
                "\"box\":{\"items\":[{\"city\":\"Rome\"}],\"label\":null} | \"box\":{\"items\":[{\"city\":7}],\"label\":null} | MIZAN-134 | 'signup.box.items[0].city' must be a string",
            })
    void refusesWhatTheTypesRuleOut(String good, String bad, String code, String message) {
        String json = "{\"signup\":" + GOOD.replace(good.trim(), bad.trim()) + "}";
        MizanException e = assertThrows(MizanException.class, () -> bind("signup", json));
        assertEquals(400, e.status());
        assertEquals(code.trim(), e.code());
        assertEquals("Argument " + message.trim(), e.getMessage());
    }

    @Test
    void refusesUnknownMissingAndNullArguments() {
        MizanException unknown = assertThrows(
                MizanException.class, () -> bind("signup", "{\"signup\":" + GOOD + ",\"me\":1,\"you\":2}"));
        assertEquals("MIZAN-130", unknown.code());
        assertEquals("Unknown arguments 'me', 'you' for signup; it takes 'signup'", unknown.getMessage());
        MizanException missing = assertThrows(MizanException.class, () -> bind("tally", "{}"));
        assertEquals("MIZAN-131", missing.code());
        assertEquals("Missing argument 'count' for tally", missing.getMessage());
        MizanException nulled = assertThrows(MizanException.class, () -> bind("tally", "{\"count\":null}"));
        assertEquals("MIZAN-133", nulled.code());
        assertEquals("Argument 'count' must not be null", nulled.getMessage());
    }

    @Test
    void unknownArgumentsAreListedTenAtMostInOrderWithHowManyMore() {
        StringBuilder json = new StringBuilder("{\"signup\":" + GOOD);
        for (int i = 4999; i >= 0; i--) {
            json.append(",\"k").append(String.format("%05d", i)).append("\":1");
        }
        MizanException e = assertThrows(MizanException.class, () -> bind("signup", json + "}"));
        assertEquals("MIZAN-130", e.code());
        assertEquals(
                "Unknown arguments 'k00000', 'k00001', 'k00002', 'k00003', 'k00004', 'k00005', 'k00006', 'k00007',"
                        + " 'k00008', 'k00009' and 4990 more for signup; it takes 'signup'",
                e.getMessage());
    }

    @Test
    void aLongUnknownArgumentIsShortened() {
        String name = "x".repeat(100_000);
        MizanException e = assertThrows(MizanException.class, () -> bind("tally", "{\"count\":1,\"" + name + "\":1}"));
        assertEquals(
                "Unknown argument '" + "x".repeat(60) + "…' for tally; it takes 'count', 'note', 'limit'",
                e.getMessage());
    }
}
