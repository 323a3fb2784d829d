package io.mizan.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mizan.codegen.fixture.Page;
import io.mizan.codegen.fixture.Role;
import io.mizan.codegen.fixture.UserView;
import io.mizan.model.TypeMapper;
import io.mizan.model.TypeRef;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;

/** Java type to TypeScript type: each field of {@link Holder} against the type it must become. */
class TsTypesTest {

    @SuppressWarnings("unused")
    static final class Holder {
        String string;
        char character;
        boolean bool;
        Boolean boxedBool;
        int integer;
        long primitiveLong;
        Long boxedLong;
        BigInteger bigInteger;
        double primitiveDouble;
        Float boxedFloat;
        BigDecimal bigDecimal;
        LocalDate localDate;
        LocalDateTime localDateTime;
        Instant instant;
        OffsetDateTime offsetDateTime;
        ZonedDateTime zonedDateTime;
        Date date;
        LocalTime localTime;
        OffsetTime offsetTime;
        Duration duration;
        Period period;
        UUID uuid;
        Optional<String> optional;
        OptionalInt optionalInt;
        List<String> list;
        Set<Integer> set;
        String[] array;
        int[][] matrix;
        List<Optional<String>> listOfOptional;
        Optional<List<String>> optionalList;
        Map<String, Integer> stringMap;
        SortedMap<UUID, String> uuidMap;
        Map<Long, String> longMap;
        Map<Role, List<String>> enumMap;
        Map<String, Optional<Role>> mapOfOptional;
        Role role;
        UserView record;
        Page<UserView> generic;
        Page<List<Role>> nestedGeneric;
        Page<Optional<UserView>> genericOfOptional;
        JsonValue json;
        JsonObject jsonObject;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiterString = "=>",
            textBlock =
                    """
            string              => string
            character           => string
            bool                => boolean
            boxedBool           => boolean
            integer             => number
            primitiveLong       => number
            boxedLong           => number
            bigInteger          => number
            primitiveDouble     => number
            boxedFloat          => number
            bigDecimal          => number
            localDate           => string
            localDateTime       => string
            instant             => string
            offsetDateTime      => string
            zonedDateTime       => string
            date                => string
            localTime           => string
            offsetTime          => string
            duration            => string
            period              => string
            uuid                => string
            optional            => string | null
            optionalInt         => number | null
            list                => string[]
            set                 => number[]
            array               => string[]
            matrix              => number[][]
            listOfOptional      => (string | null)[]
            optionalList        => string[] | null
            stringMap           => Record<string, number>
            uuidMap             => Record<string, string>
            longMap             => Record<number, string>
            enumMap             => Partial<Record<Role, string[]>>
            mapOfOptional       => Record<string, Role | null>
            role                => Role
            record              => UserView
            generic             => Page<UserView>
            nestedGeneric       => Page<Role[]>
            genericOfOptional   => Page<UserView | null>
            json                => unknown
            jsonObject          => unknown
            """)
    void javaTypeToTypeScript(String field, String expected) throws Exception {
        Type type = Holder.class.getDeclaredField(field).getGenericType();
        TypeRef ref = new TypeMapper().map(type, false, false);
        assertEquals(expected, new TsTypes(n -> n, true).render(ref));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiterString = "=>",
            textBlock =
                    """
            string       => string | null
            optional     => string | null
            list         => string[] | null
            """)
    void nullableElements(String field, String expected) throws Exception {
        Type type = Holder.class.getDeclaredField(field).getGenericType();
        assertEquals(expected, new TsTypes(n -> n, true).render(new TypeMapper().map(type, true, false)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiterString = "=>",
            textBlock =
                    """
            stringMap    => { [key: string]: number }
            longMap      => { [key: number]: string }
            enumMap      => { [key in Role]?: string[] }
            """)
    void mapsWhenTheApplicationHasATypeCalledRecord(String field, String expected) throws Exception {
        Type type = Holder.class.getDeclaredField(field).getGenericType();
        assertEquals(expected, new TsTypes(n -> n, false).render(new TypeMapper().map(type, false, false)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiterString = "=>",
            textBlock = """
            void    => null
            Void    => null
            """)
    void nothingIsNull(String name, String expected) throws Exception {
        Class<?> type = name.equals("void") ? void.class : Void.class;
        assertEquals(expected, new TsTypes(n -> n, true).render(new TypeMapper().map(type, false, false)));
    }

    @org.junit.jupiter.api.Test
    void importedTypesUseTheirLocalNames() {
        TypeRef ref = new TypeRef.ObjectRef("Promise", List.of(new TypeRef.EnumRef("Role")));
        assertEquals("PromiseType<Role>", new TsTypes(n -> n.equals("Promise") ? "PromiseType" : n, true).render(ref));
    }
}
