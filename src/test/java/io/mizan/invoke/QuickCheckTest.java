package io.mizan.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The quick check says "valid" only where Hibernate Validator finds no violation, for every value tried,
 * and says it for the usual valid arguments; what it cannot judge is left to the validator.
 */
class QuickCheckTest {

    interface Later {}

    public static class Service {
        public void notNull(@NotNull Object value) {}

        public void notBlank(@NotBlank String value) {}

        public void notBlankText(@NotBlank CharSequence value) {}

        public void notEmpty(@NotEmpty String value) {}

        public void notEmptyList(@NotEmpty List<?> value) {}

        public void notEmptyCollection(@NotEmpty Collection<?> value) {}

        public void notEmptyMap(@NotEmpty Map<?, ?> value) {}

        public void notEmptyArray(@NotEmpty Object[] value) {}

        public void size(@Size(min = 2, max = 3) String value) {}

        public void sizeText(@Size(min = 2, max = 3) CharSequence value) {}

        public void sizeCollection(@Size(min = 2, max = 3) Collection<?> value) {}

        public void sizeMap(@Size(min = 2, max = 3) Map<?, ?> value) {}

        public void sizeArray(@Size(min = 2, max = 3) Object[] value) {}

        public void min(@Min(-2) Number value) {}

        public void minInt(@Min(-2) int value) {}

        public void max(@Max(5) Number value) {}

        public void maxLong(@Max(5) long value) {}

        public void positive(@Positive Number value) {}

        public void positiveOrZero(@PositiveOrZero Number value) {}

        public void negative(@Negative Number value) {}

        public void negativeOrZero(@NegativeOrZero Number value) {}

        public void assertTrue(@AssertTrue Boolean value) {}

        public void assertFalse(@AssertFalse boolean value) {}

        public void two(@NotBlank String name, String free, @Min(1) @Max(9) int count) {}

        public void email(@Email String value) {}

        public void cascaded(@Valid @NotNull MethodConstraintsTest.Address address) {}

        public void elements(List<@NotBlank String> tags) {}

        public void grouped(@NotNull(groups = Later.class) String value) {}

        public void mixed(@NotBlank String name, @Email String email) {}

        public void notBlankObject(@NotBlank Object value) {}

        public void sizeObject(@Size(max = 3) Object value) {}

        public void minText(@Min(1) String value) {}

        public void assertTrueText(@AssertTrue String value) {}
    }

    static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    static final Validator VALIDATOR = FACTORY.getValidator();
    static final Service SERVICE = new Service();

    /** Values of many types and edges, each tried against every single-parameter method. */
    static final List<Object> VALUES = Arrays.asList(
            null,
            "",
            " ",
            "a",
            " a ",
            "ab",
            "abc",
            "abcd",
            "\t\n",
            "\u00a0", // no-break space: trimmed by nobody, yet not text
            "\u2003", // em space
            "\u200b", // zero-width space
            "\u0085", // next line
            "\ud83d\ude00", // an emoji: one code point, two chars
            0,
            1,
            -1,
            -2,
            -3,
            5,
            6,
            (short) 3,
            (byte) -1,
            Long.MAX_VALUE,
            Long.MIN_VALUE,
            Integer.MIN_VALUE,
            1.5,
            Double.NaN,
            new BigDecimal("-2.5"),
            BigDecimal.ZERO,
            new BigDecimal("0.001"),
            new BigDecimal("-0.001"),
            new BigDecimal("5.000"),
            new BigDecimal("5.001"),
            new BigDecimal("-2.0"),
            BigInteger.ZERO,
            BigInteger.valueOf(-2),
            BigInteger.valueOf(-3),
            BigInteger.TEN.pow(20),
            List.of(),
            List.of("x"),
            List.of("x", "y"),
            Set.of(1, 2, 3),
            new ArrayList<>(List.of(1, 2, 3, 4)),
            Map.of(),
            Map.of("k", "v", "l", "w"),
            new String[0],
            new String[] {"a", "b"},
            new int[] {1, 2},
            new StringBuilder("ab"),
            Boolean.TRUE,
            Boolean.FALSE,
            new Object());

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    static Method method(String name) {
        return ServiceMethods.method(Service.class, name);
    }

    static QuickCheck check(String name) {
        return ServiceMethods.check(VALIDATOR, Service.class, name);
    }

    static boolean validatorPasses(String name, Object... args) {
        return VALIDATOR
                .forExecutables()
                .validateParameters(SERVICE, method(name), args)
                .isEmpty();
    }

    static final List<String> SINGLE = List.of(
            "notNull",
            "notBlank",
            "notEmpty",
            "size",
            "min",
            "max",
            "positive",
            "positiveOrZero",
            "negative",
            "negativeOrZero",
            "assertTrue",
            "assertFalse");

    @Test
    void saysValidOnlyWhereTheValidatorFindsNoViolation() {
        int surelyValid = 0;
        for (String name : SINGLE) {
            QuickCheck check = check(name);
            assertNotNull(check, name);
            Class<?> type = MethodType.methodType(method(name).getParameterTypes()[0])
                    .wrap()
                    .returnType();
            for (Object value : VALUES) {
                if (value == null ? type != method(name).getParameterTypes()[0] : !type.isInstance(value)) {
                    continue; // a value the method cannot be called with; null only where the type is not primitive
                }
                boolean passes = check.passes(new Object[] {value});
                if (passes) {
                    surelyValid++;
                    assertTrue(validatorPasses(name, value), name + " said valid for " + describe(value));
                } else if (judged(value)) {
                    assertFalse(validatorPasses(name, value), name + " left a valid " + describe(value));
                }
            }
        }
        // and it is of use: most of the values the validator accepts are known valid without it
        assertTrue(surelyValid > 100, "known valid: " + surelyValid);
    }

    @Test
    void knowsTheUsualValidArguments() {
        assertTrue(check("notBlank").passes(new Object[] {"ada"}));
        assertTrue(check("notBlank").passes(new Object[] {" x "}));
        assertTrue(check("notNull").passes(new Object[] {new Object()}));
        assertTrue(check("notBlankText").passes(new Object[] {"ada"}));
        assertTrue(check("notEmpty").passes(new Object[] {"a"}));
        assertTrue(check("notEmptyList").passes(new Object[] {List.of(1)}));
        assertTrue(check("notEmptyMap").passes(new Object[] {Map.of("k", 1)}));
        assertTrue(check("notEmptyArray").passes(new Object[] {new String[] {"a"}}));
        assertTrue(check("sizeCollection").passes(new Object[] {Set.of(1, 2)}));
        assertTrue(check("sizeArray").passes(new Object[] {new Object[3]}));
        assertTrue(check("size").passes(new Object[] {"ab"}));
        assertTrue(check("size").passes(new Object[] {"abc"}));
        assertTrue(check("size").passes(new Object[] {null}));
        assertTrue(check("min").passes(new Object[] {-2}));
        assertTrue(check("min").passes(new Object[] {Long.MAX_VALUE}));
        assertTrue(check("max").passes(new Object[] {5L}));
        assertTrue(check("minInt").passes(new Object[] {-2}));
        assertTrue(check("maxLong").passes(new Object[] {Long.MIN_VALUE}));
        assertTrue(check("max").passes(new Object[] {(short) -7}));
        assertTrue(check("positive").passes(new Object[] {1}));
        assertTrue(check("positiveOrZero").passes(new Object[] {0}));
        assertTrue(check("negative").passes(new Object[] {(byte) -1}));
        assertTrue(check("negativeOrZero").passes(new Object[] {0L}));
        assertTrue(check("assertTrue").passes(new Object[] {true}));
        assertTrue(check("assertFalse").passes(new Object[] {false}));
        assertTrue(check("assertFalse").passes(new Object[] {null}));
        assertTrue(check("two").passes(new Object[] {"ada", null, 9}));
    }

    @Test
    void leavesFailuresAndWhatItCannotJudgeToTheValidator() {
        assertFalse(check("notBlank").passes(new Object[] {" \t"}));
        assertFalse(check("notBlank").passes(new Object[] {null}));
        assertFalse(check("notBlank").passes(new Object[] {"\u00a0"}));
        assertFalse(check("notNull").passes(new Object[] {null}));
        assertFalse(check("notEmpty").passes(new Object[] {""}));
        assertFalse(check("notBlankText").passes(new Object[] {new StringBuilder("a")}));
        assertFalse(check("sizeText").passes(new Object[] {new StringBuilder("ab")}));
        assertFalse(check("size").passes(new Object[] {"a"}));
        assertFalse(check("sizeCollection").passes(new Object[] {List.of(1, 2, 3, 4)}));
        assertFalse(check("sizeMap").passes(new Object[] {Map.of()}));
        assertFalse(check("min").passes(new Object[] {-3}));
        assertFalse(check("min").passes(new Object[] {new BigDecimal("-7")}));
        assertFalse(check("max").passes(new Object[] {6}));
        assertFalse(check("max").passes(new Object[] {1.5}));
        assertFalse(check("positive").passes(new Object[] {0}));
        assertFalse(check("positiveOrZero").passes(new Object[] {-1}));
        assertFalse(check("negative").passes(new Object[] {0}));
        assertFalse(check("negativeOrZero").passes(new Object[] {1}));
        assertFalse(check("assertTrue").passes(new Object[] {false}));
        assertFalse(check("assertFalse").passes(new Object[] {true}));
        assertFalse(check("two").passes(new Object[] {"ada", null, 0}));
        assertFalse(check("two").passes(new Object[] {"", "x", 3}));
    }

    @Test
    void aMethodWithAConstraintItDoesNotKnowIsTheValidatorsAlone() {
        assertNull(check("email"));
        assertNull(check("grouped"));
        assertNull(check("mixed"));
        // types the validator has no validator for: its error, not a quick "valid"
        assertNull(check("notBlankObject"));
        assertNull(check("sizeObject"));
        assertNull(check("minText"));
        assertNull(check("assertTrueText"));
    }

    /** A validator the application puts in place of {@code @NotBlank}'s in XML: no name passes it. */
    public static class NoNames implements ConstraintValidator<NotBlank, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return false;
        }
    }

    @Test
    void aBuiltInConstraintGivenAValidatorOfTheApplicationsIsTheValidatorsAlone() {
        String mapping =
                """
                <constraint-mappings xmlns="https://jakarta.ee/xml/ns/validation/mapping" version="3.0">
                  <constraint-definition annotation="jakarta.validation.constraints.NotBlank">
                    <validated-by include-existing-validators="false">
                      <value>%s</value>
                    </validated-by>
                  </constraint-definition>
                </constraint-mappings>
                """
                        .formatted(NoNames.class.getName());
        try (ValidatorFactory factory = Validation.byDefaultProvider()
                .configure()
                .addMapping(new ByteArrayInputStream(mapping.getBytes(StandardCharsets.UTF_8)))
                .buildValidatorFactory()) {
            Validator validator = factory.getValidator();
            Method m = method("notBlank");
            assertFalse(validator
                    .forExecutables()
                    .validateParameters(SERVICE, m, new Object[] {"ada"})
                    .isEmpty());
            MethodConstraints constraints = new MethodConstraints(validator);
            assertFalse(constraints.surelyValid(m, new Object[] {"ada"}));
        }
        // the same method with the built-in validator alone
        assertTrue(new MethodConstraints(VALIDATOR).surelyValid(method("notBlank"), new Object[] {"ada"}));
        assertFalse(new MethodConstraints(VALIDATOR).surelyValid(method("email"), new Object[] {"a@b.c"}));
    }

    @Test
    void aVisibleCharacterIsOneNoImplementationCountsAsBlank() {
        assertTrue(QuickCheck.hasVisibleCharacter("\u2003x"));
        assertTrue(QuickCheck.hasVisibleCharacter("\ud83d\ude00"));
        assertFalse(QuickCheck.hasVisibleCharacter(""));
        assertFalse(QuickCheck.hasVisibleCharacter(" !".substring(0, 1)));
        assertFalse(QuickCheck.hasVisibleCharacter("\u00a0\u2003\u3000\u001f"));
        assertEquals(true, QuickCheck.hasVisibleCharacter("!"));
    }

    /**
     * Whether the check judges this value itself rather than leaving it to the validator: all but
     * floating point numbers, arrays of primitives, text that is not a string, and strings of
     * characters some implementation counts as blank and another does not.
     */
    static boolean judged(Object value) {
        return !(value instanceof Double
                || value instanceof int[]
                || value instanceof StringBuilder
                || value instanceof String s
                        && !QuickCheck.hasVisibleCharacter(s)
                        && s.chars().anyMatch(c -> c > ' '));
    }

    static String describe(Object value) {
        return value instanceof Object[] a ? Arrays.toString(a) : String.valueOf(value);
    }
}
