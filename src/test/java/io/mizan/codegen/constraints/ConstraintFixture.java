package io.mizan.codegen.constraints;

import jakarta.annotation.Nullable;
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

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * One property per group of protocol/constraints.json, each with the constraint the group is about:
 * the table's cases are checked against Hibernate Validator on this record and against the Zod schema
 * generated from it. {@code @Nullable} where the table has a null case the constraint accepts.
 */
public record ConstraintFixture(
        @NotNull String notNull,
        @Nullable @Null String nullValue,
        @NotBlank String notBlank,
        @Nullable @NotBlank String notBlankNullable,
        @NotEmpty String notEmptyText,
        @Nullable @NotEmpty List<String> notEmptyList,
        @NotEmpty Map<String, Integer> notEmptyMap,
        @Nullable @Size(min = 2, max = 4) String sizeText,
        @Size(max = 2) List<Integer> sizeList,
        @Size(min = 1, max = 2) Map<String, String> sizeMap,
        @Nullable @Min(1) Integer min,
        @Min(1) double minDouble,
        @Min(1) BigDecimal minDecimal,
        @Max(10) int max,
        @Max(9007199254740992L) long maxLong,
        @DecimalMin("0.1") double decimalMin,
        @DecimalMin(value = "0.1", inclusive = false) BigDecimal decimalMinExclusive,
        @DecimalMax("100.5") BigDecimal decimalMax,
        @DecimalMax(value = "0", inclusive = false) double decimalMaxExclusive,
        @DecimalMin("0") String decimalMinText,
        @Positive int positive,
        @Positive BigDecimal positiveDecimal,
        @PositiveOrZero double positiveOrZero,
        @Negative long negative,
        @Nullable @NegativeOrZero Integer negativeOrZero,
        @Digits(integer = 3, fraction = 2) BigDecimal digitsDecimal,
        @Digits(integer = 2, fraction = 0) int digitsInt,
        @Digits(integer = 3, fraction = 1) double digitsDouble,
        @Nullable @Digits(integer = 3, fraction = 2) String digitsText,
        @Pattern(regexp = "[a-z]+") String pattern,
        @Pattern(regexp = "[a-z]+", flags = Pattern.Flag.CASE_INSENSITIVE) String patternIgnoreCase,
        @Pattern(regexp = "caf\u00e9", flags = Pattern.Flag.CASE_INSENSITIVE) String patternIgnoreCaseAccent,
        @Pattern(regexp = "a.c") String patternDot,
        @Pattern(regexp = "a.c", flags = Pattern.Flag.DOTALL) String patternDotAll,
        @Pattern(regexp = "a|b", flags = Pattern.Flag.MULTILINE) String patternMultiline,
        @Pattern(regexp = "\\S+") String patternNonSpace,
        @Pattern(regexp = "a++b") String patternPossessive,
        @Pattern(regexp = "a b", flags = Pattern.Flag.COMMENTS) String patternComments,
        @Nullable @Email String email,
        @Email(regexp = ".+@example\\.com") String emailRegexp,
        @Nullable @AssertTrue Boolean assertTrue,
        @AssertFalse boolean assertFalse,
        @Past LocalDate past,
        @PastOrPresent LocalDate pastOrPresent,
        @Future LocalDate future,
        @FutureOrPresent LocalDate futureOrPresent,
        @Past Instant pastInstant,
        @Future OffsetDateTime futureOffset,
        @PastOrPresent ZonedDateTime pastOrPresentZoned,
        @FutureOrPresent LocalDateTime futureOrPresentLocal,
        @Past LocalTime pastTime) {}
