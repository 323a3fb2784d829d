package io.mizan.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.model.FunctionModel;
import io.mizan.model.ModelBuilder;
import io.mizan.model.ParamModel;
import jakarta.annotation.Nullable;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Each Bean Validation constraint, on a real parameter, against the Zod text it must become. */
class ZodConstraintsTest {

    /** A constraint the generator does not know: skipped, left to the server. */
    @Constraint(validatedBy = {})
    @Retention(RetentionPolicy.RUNTIME)
    @interface Even {
        String message() default "must be even";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    @SuppressWarnings("unused")
    public static class Constrained {
        @Client
        public void all(
                @NotNull String notNull,
                @NotBlank String notBlank,
                @NotEmpty String notEmptyText,
                @NotEmpty List<String> notEmptyList,
                @NotEmpty Map<String, Integer> notEmptyMap,
                @Size(min = 2, max = 5) String sizeText,
                @Size(max = 80) String sizeMax,
                @Size(min = 1) List<Integer> sizeList,
                @Size(min = 1, max = 3) Map<String, String> sizeMap,
                @Min(5) long min,
                @Max(-1) int max,
                @DecimalMin("0.5") double decimalMin,
                @DecimalMax(value = "100", inclusive = false) BigDecimal decimalMaxExclusive,
                @Positive int positive,
                @PositiveOrZero Integer positiveOrZero,
                @Negative double negative,
                @NegativeOrZero long negativeOrZero,
                @Email String email,
                @Email(regexp = ".+@example\\.com") String emailAtExample,
                @Pattern(regexp = "[A-Z]{2}\\d+") String pattern,
                @Pattern(
                                regexp = "a/b|c",
                                flags = {Pattern.Flag.CASE_INSENSITIVE, Pattern.Flag.MULTILINE})
                        String patternWithFlags,
                @Pattern(regexp = "\\p{L}+") String patternUnicode,
                @Pattern(regexp = "a++") String patternPossessive,
                @Past LocalDate past,
                @PastOrPresent Instant pastOrPresent,
                @Future OffsetDateTime future,
                @FutureOrPresent ZonedDateTime futureOrPresent,
                @Past LocalTime pastTime,
                @Digits(integer = 3, fraction = 2) BigDecimal digits,
                @Digits(integer = 4, fraction = 0) String digitsText,
                @AssertTrue boolean assertTrue,
                @AssertFalse Boolean assertFalse,
                @Nullable @Size(max = 3) String nullableSize,
                @Nullable @Null String nullOnly,
                @Nullable @NotBlank String nullableNotBlank,
                @Nullable @NotEmpty Map<String, Integer> nullableNotEmptyMap,
                @Min(1) String minOnText,
                @Even int unknown,
                UUID uuid,
                byte aByte,
                Short aShort,
                char letter,
                java.math.BigInteger big,
                Map<Long, String> byId,
                Map<UUID, String> byUuid,
                @NotBlank @Size(min = 3, max = 80) @Pattern(regexp = "\\w+") String several) {}
    }

    private static Map<String, ParamModel> params;

    @BeforeAll
    static void read() {
        FunctionModel all = new ModelBuilder(Auth.PUBLIC)
                .build(List.of(Constrained.class))
                .function("all")
                .orElseThrow();
        params = new java.util.HashMap<>();
        all.arguments().forEach(p -> params.put(p.name(), p));
    }

    private static String zod(String param) {
        ParamModel p = params.get(param);
        return new ZodSchemas(n -> TsNames.lowerFirst(n) + "Schema", n -> false)
                .expression(p.type(), p.constraints(), p.nullable())
                .inline();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " :: ",
            quoteCharacter = '"',
            textBlock =
                    """
            notNull :: z.string()
            notBlank :: z.string().regex(/[^\\x00-\\x20]/, { message: 'must not be blank' })
            notEmptyText :: z.string().min(1, { message: 'must not be empty' })
            notEmptyList :: z.array(z.string()).min(1, { message: 'must not be empty' })
            notEmptyMap :: z.record(z.string(), wholeNumber(32)).refine((v) => Object.keys(v).length > 0, { message: 'must not be empty' })
            sizeText :: z.string().min(2, { message: 'size must be between 2 and 5' }).max(5, { message: 'size must be between 2 and 5' })
            sizeMax :: z.string().max(80, { message: 'size must be between 0 and 80' })
            sizeList :: z.array(wholeNumber(32)).min(1, { message: 'size must be between 1 and 2147483647' })
            sizeMap :: z.record(z.string(), z.string()).refine((v) => Object.keys(v).length >= 1, { message: 'size must be between 1 and 3' }).refine((v) => Object.keys(v).length <= 3, { message: 'size must be between 1 and 3' })
            min :: wholeNumber(64).min(5, { message: 'must be greater than or equal to 5' })
            max :: wholeNumber(32).max(-1, { message: 'must be less than or equal to -1' })
            decimalMin :: z.number().finite().gte(0.5, { message: 'must be greater than or equal to 0.5' })
            decimalMaxExclusive :: z.number().finite().lt(100, { message: 'must be less than 100' })
            positive :: wholeNumber(32).positive({ message: 'must be greater than 0' })
            positiveOrZero :: wholeNumber(32).nonnegative({ message: 'must be greater than or equal to 0' })
            negative :: z.number().finite().negative({ message: 'must be less than 0' })
            negativeOrZero :: wholeNumber(64).nonpositive({ message: 'must be less than or equal to 0' })
            email :: z.string().refine((v) => isEmail(v), { message: 'must be a well-formed email address' })
            emailAtExample :: z.string().refine((v) => isEmail(v) && /^(?:[^\\n\\r\\x85\\u2028\\u2029]+@example\\.com)$/.test(v), { message: 'must be a well-formed email address' })
            pattern :: z.string().regex(/^(?:[A-Z]{2}\\d+)$/, { message: 'must match "[A-Z]{2}\\\\d+"' })
            patternWithFlags :: z.string().regex(/(?<![\\s\\S])(?:a\\/b|c)(?![\\s\\S])/im, { message: 'must match "a/b|c"' })
            patternUnicode :: z.string().regex(/^(?:\\p{L}+)$/u, { message: 'must match "\\\\p{L}+"' })
            patternPossessive :: z.string()
            past :: z.string().refine((v) => isIsoText('LocalDate', v), { message: 'must be an ISO-8601 date string (2025-01-31)' }).refine((v) => compareToNow(v, true) < 0, { message: 'must be a past date' })
            pastOrPresent :: z.string().refine((v) => isIsoText('Instant', v), { message: 'must be an ISO-8601 date-time string (2025-01-31T10:15:30Z)' }).refine((v) => compareToNow(v, false) <= 0, { message: 'must be a date in the past or in the present' })
            future :: z.string().refine((v) => isIsoText('OffsetDateTime', v), { message: 'must be an ISO-8601 date-time string (2025-01-31T10:15:30+01:00)' }).refine((v) => compareToNow(v, false) > 0, { message: 'must be a future date' })
            futureOrPresent :: z.string().refine((v) => isIsoText('ZonedDateTime', v), { message: 'must be an ISO-8601 date-time string (2025-01-31T10:15:30+01:00[Europe/Paris])' }).refine((v) => compareToNow(v, false) >= 0, { message: 'must be a date in the present or in the future' })
            pastTime :: z.string().refine((v) => isIsoText('LocalTime', v), { message: 'must be an ISO-8601 time string (10:15:30)' })
            digits :: z.number().finite().refine((v) => fitsDigits(String(v), 3, 2), { message: 'numeric value out of bounds (<3 digits>.<2 digits> expected)' })
            digitsText :: z.string().refine((v) => fitsDigits(v, 4, 0), { message: 'numeric value out of bounds (<4 digits>.<0 digits> expected)' })
            assertTrue :: z.boolean().refine((v) => v, { message: 'must be true' })
            assertFalse :: z.boolean().refine((v) => !v, { message: 'must be false' })
            nullableSize :: z.string().max(3, { message: 'size must be between 0 and 3' }).nullish()
            nullOnly :: z.string().refine(() => false, { message: 'must be null' }).nullish()
            nullableNotBlank :: z.string().regex(/[^\\x00-\\x20]/, { message: 'must not be blank' }).nullish().refine((v) => v != null, { message: 'must not be blank' })
            nullableNotEmptyMap :: z.record(z.string(), wholeNumber(32)).refine((v) => Object.keys(v).length > 0, { message: 'must not be empty' }).nullish().refine((v) => v != null, { message: 'must not be empty' })
            minOnText :: z.string()
            unknown :: wholeNumber(32)
            aByte :: wholeNumber(8)
            aShort :: wholeNumber(16)
            letter :: z.string().length(1, { message: 'must be a single character' })
            big :: z.number().int()
            byId :: z.record(z.string().refine((k) => isWholeNumberKey(k, '-9223372036854775808', '9223372036854775807'), { message: 'must be a whole number between -9223372036854775808 and 9223372036854775807' }), z.string())
            byUuid :: z.record(z.string().uuid(), z.string())
            uuid :: z.string().uuid()
            several :: z.string().regex(/[^\\x00-\\x20]/, { message: 'must not be blank' }).min(3, { message: 'size must be between 3 and 80' }).max(80, { message: 'size must be between 3 and 80' }).regex(/^(?:\\w+)$/, { message: 'must match "\\\\w+"' })
            """)
    void constraintToZod(String param, String expected) {
        assertEquals(expected, zod(param));
    }

    @Test
    void everyParameterIsInTheTable() {
        assertEquals(46, params.size());
    }

    @Test
    void refinementsAskForTheirHelpers() {
        ZodSchemas zod = new ZodSchemas(n -> n, n -> false);
        zod.expression(params.get("digits").type(), params.get("digits").constraints(), false);
        zod.expression(params.get("past").type(), params.get("past").constraints(), false);
        zod.expression(params.get("email").type(), params.get("email").constraints(), false);
        assertEquals(
                java.util.EnumSet.of(ZodHelper.ISO_TEXT, ZodHelper.DIGITS, ZodHelper.EMAIL, ZodHelper.TEMPORAL),
                zod.helpers());
    }

    @Test
    void referencesInACycleAreLazy() {
        ZodSchemas zod = new ZodSchemas(n -> TsNames.lowerFirst(n) + "Schema", n -> n.equals("Node"));
        var ref = new io.mizan.model.TypeRef.ListOf(new io.mizan.model.TypeRef.ObjectRef("Node", List.of()), false);
        assertEquals("z.array(z.lazy(() => nodeSchema))", zod.base(ref).inline());
        var generic = new io.mizan.model.TypeRef.ObjectRef("Page", List.of(new io.mizan.model.TypeRef.EnumRef("Role")));
        assertEquals("pageSchema(roleSchema)", zod.base(generic).inline());
    }
}
