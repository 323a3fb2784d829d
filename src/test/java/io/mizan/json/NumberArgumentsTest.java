package io.mizan.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A whole-number argument takes exactly the values its Java type holds: a fraction or a value past
 * the type's range is a 400 naming the argument, never a silently truncated number.
 */
class NumberArgumentsTest {

    public static class Numbers {
        @Client
        public void aByte(byte value) {}

        @Client
        public void aShort(Short value) {}

        @Client
        public void anInt(int value) {}

        @Client
        public void aLong(Long value) {}

        @Client
        public void anOptionalInt(OptionalInt value) {}

        @Client
        public void anOptionalLong(OptionalLong value) {}

        @Client
        public void aBigInteger(BigInteger value) {}

        @Client
        public void aDouble(double value) {}

        @Client
        public void aBigDecimal(BigDecimal value) {}
    }

    static final Model MODEL = new ModelBuilder(Auth.PUBLIC).build(List.of(Numbers.class));
    static final Jsonb JSONB = JsonbBuilder.create();
    static final ArgumentBinder BINDER = new ArgumentBinder(MODEL, JSONB);

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    static Object bind(String function, String value) {
        FunctionModel f = MODEL.function(function).orElseThrow();
        String json = "{\"value\":" + value + "}";
        return BINDER.bind(f, StrictJson.parseObject(json.getBytes(StandardCharsets.UTF_8)), source -> null)[0];
    }

    @ParameterizedTest(name = "{0}({1}) = {2}")
    @CsvSource(
            delimiter = '#',
            value = {
                "aByte#          127#                     127",
                "aByte#          -128#                    -128",
                "aShort#         32767#                   32767",
                "aShort#         -32768#                  -32768",
                "anInt#          2147483647#              2147483647",
                "anInt#          -2147483648#             -2147483648",
                "anInt#          1e3#                     1000",
                "aLong#          9223372036854775807#     9223372036854775807",
                "aLong#          -9223372036854775808#    -9223372036854775808",
                "anOptionalInt#  2147483647#              OptionalInt[2147483647]",
                "anOptionalLong# -9223372036854775808#    OptionalLong[-9223372036854775808]",
                "aBigInteger#    123456789012345678901234567890#  123456789012345678901234567890",
                "aDouble#        0.5#                     0.5",
                "aBigDecimal#    0.1#                     0.1"
            })
    void aValueInRangeIsBound(String function, String value, String bound) {
        assertEquals(bound, String.valueOf(bind(function, value)));
    }

    @ParameterizedTest(name = "{0}({1}) is a 400")
    @CsvSource(
            delimiter = '#',
            value = {
                "aByte#          128",
                "aByte#          -129",
                "aShort#         32768",
                "aShort#         -32769",
                "anInt#          2147483648",
                "anInt#          -2147483649",
                "anInt#          1.5",
                "anInt#          '\"1\"'",
                "aLong#          9223372036854775808",
                "aLong#          -9223372036854775809",
                "anOptionalInt#  2147483648",
                "anOptionalLong# 9223372036854775808",
                "aBigInteger#    0.5",
                "aDouble#        '\"0.5\"'",
                "aDouble#        true"
            })
    void aValueOutOfRangeOrOfAnotherShapeIsRefused(String function, String value) {
        MizanException e = assertThrows(MizanException.class, () -> bind(function, value));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("'value'"), e.getMessage());
    }
}
