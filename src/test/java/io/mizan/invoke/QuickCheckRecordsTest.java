package io.mizan.invoke;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.GroupSequence;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.ConvertGroup;
import jakarta.validation.groups.Default;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The quick check follows {@code @Valid} into records and containers' elements: it says "valid" only
 * where Hibernate Validator finds no violation, says it for valid bodies, and leaves what it cannot
 * judge to the validator.
 */
class QuickCheckRecordsTest {

    public record Order(
            @NotBlank @Size(max = 80) String customer,
            @NotNull @Valid Address address,
            @NotNull @Size(min = 1, max = 200) List<@Valid Line> lines) {}

    public record Address(@NotBlank String street, @NotBlank @Size(max = 10) String zip) {}

    public record Line(
            @NotBlank @Size(max = 40) String sku,
            @Min(1) int quantity,
            @NotNull @DecimalMin("0") BigDecimal price,
            @NotNull List<@NotBlank String> tags) {}

    public record Containers(
            @Valid List<Address> legacy,
            @Valid Map<String, Address> legacyMap,
            Map<@NotBlank String, @Valid Address> byName,
            Optional<@NotNull String> required,
            Optional<@Valid Address> maybe) {}

    public record Nested(List<List<@NotBlank String>> nested) {}

    public record Numbers(
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("10.5") BigDecimal decimal,
            @Min(-2) @Max(7) BigInteger big,
            @Positive Long count,
            @DecimalMax(value = "3", inclusive = false) Integer small,
            @Pattern(regexp = "[a-z]+-\\d", flags = Pattern.Flag.CASE_INSENSITIVE) String code) {}

    public record Node(@NotBlank String name, List<@Valid Node> children) {}

    /** A record that can be made to contain itself, through a mutable list. */
    public record Loop(@NotEmpty List<@Valid Loop> next) {}

    // what leaves the whole method to the validator

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = SameZip.Check.class)
    public @interface SameZip {
        String message() default "zip";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<SameZip, ClassLevel> {
            @Override
            public boolean isValid(ClassLevel value, ConstraintValidatorContext context) {
                return false;
            }
        }
    }

    @SameZip
    public record ClassLevel(@NotBlank String zip) {}

    public record WithGetter(String name) {
        @NotBlank
        public String getName() {
            return name;
        }
    }

    public static class Bean {
        @NotBlank
        public String name = "";
    }

    public interface Strict {}

    public record Grouped(@NotBlank(groups = Strict.class) String name) {}

    public record Mail(@Email String mail) {}

    @GroupSequence({Sequenced.class, Strict.class})
    public record Sequenced(@NotBlank String name) {}

    public static class Service {
        public void place(@NotNull @Valid Order order) {}

        public void containers(@Valid Containers containers) {}

        public void nested(@Valid Nested nested) {}

        public void numbers(@Valid Numbers numbers) {}

        public void tree(@Valid Node node) {}

        public void loop(@Valid Loop loop) {}

        public void tags(@Size(max = 2) List<@NotBlank String> tags) {}

        public void sequenced(@Valid Sequenced value) {}

        public void classLevel(@Valid ClassLevel value) {}

        public void withGetter(@Valid WithGetter value) {}

        public void bean(@Valid Bean value) {}

        public void grouped(@Valid Grouped value) {}

        public void deepEmail(@Valid List<@Valid Mail> mails) {}

        public void converted(@Valid @ConvertGroup(from = Default.class, to = Strict.class) Address value) {}

        public void array(@Valid Address[] value) {}
    }

    static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    static final Validator VALIDATOR = FACTORY.getValidator();
    static final Service SERVICE = new Service();

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

    static boolean validatorPasses(String name, Object arg) {
        return VALIDATOR
                .forExecutables()
                .validateParameters(SERVICE, method(name), new Object[] {arg})
                .isEmpty();
    }

    /**
     * Asserts the check agrees with the validator on this argument: never "valid" where it finds a
     * violation, and "valid" where it finds none (every argument given here is one the check reads).
     */
    static void agrees(String name, Object arg) {
        QuickCheck check = check(name);
        assertNotNull(check, name);
        boolean valid = validatorPasses(name, arg);
        assertTrue(
                check.passes(new Object[] {arg}) == valid,
                name + ": the validator says " + (valid ? "valid" : "not valid") + " for " + arg);
    }

    static Line line(int i) {
        return new Line("SKU-" + i, 1 + i % 5, new BigDecimal("9.99"), List.of("a", "b"));
    }

    static Order order() {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lines.add(line(i));
        }
        return new Order("Ada", new Address("1 Main St", "SW1Y"), lines);
    }

    static Order withLine(UnaryOperator<Line> change) {
        Order order = order();
        List<Line> lines = new ArrayList<>(order.lines());
        lines.set(3, change.apply(lines.get(3)));
        return new Order(order.customer(), order.address(), lines);
    }

    @Test
    void aNestedBodyIsValidExactlyWhereTheValidatorSaysSo() {
        agrees("place", order());
        agrees("place", null);
        agrees("place", new Order(" ", order().address(), order().lines()));
        agrees("place", new Order("x".repeat(81), order().address(), order().lines()));
        agrees("place", new Order("Ada", null, order().lines()));
        agrees("place", new Order("Ada", new Address("", "SW1Y"), order().lines()));
        agrees("place", new Order("Ada", new Address("1 Main St", "12345678901"), order().lines()));
        agrees("place", new Order("Ada", order().address(), null));
        agrees("place", new Order("Ada", order().address(), List.of()));
        agrees("place", new Order("Ada", order().address(), Arrays.asList(line(1), null))); // a null line
        agrees("place", withLine(l -> new Line("\t ", l.quantity(), l.price(), l.tags())));
        // a no-break space is text to this validator, not to every other: it decides
        Order noBreak = withLine(l -> new Line("\u00a0", l.quantity(), l.price(), l.tags()));
        assertTrue(validatorPasses("place", noBreak));
        assertFalse(check("place").passes(new Object[] {noBreak}));
        agrees("place", withLine(l -> new Line(l.sku(), 0, l.price(), l.tags())));
        agrees("place", withLine(l -> new Line(l.sku(), 1, new BigDecimal("-0.01"), l.tags())));
        agrees("place", withLine(l -> new Line(l.sku(), 1, BigDecimal.ZERO, l.tags())));
        agrees("place", withLine(l -> new Line(l.sku(), 1, null, l.tags())));
        agrees("place", withLine(l -> new Line(l.sku(), 1, l.price(), null)));
        agrees("place", withLine(l -> new Line(l.sku(), 1, l.price(), List.of("a", " "))));
        agrees("place", withLine(l -> new Line(l.sku(), 1, l.price(), List.of())));
    }

    @Test
    void containersElementsKeysAndOptionalsAreReadAsTheValidatorReadsThem() {
        Address good = new Address("1 Main St", "SW1Y");
        Address bad = new Address("", "SW1Y");
        Containers valid = new Containers(
                List.of(good), Map.of("a", good), Map.of("k", good), Optional.of("x"), Optional.of(good));
        agrees("containers", valid);
        agrees("containers", new Containers(null, null, null, Optional.of("x"), Optional.empty()));
        agrees("containers", new Containers(List.of(bad), null, null, Optional.of("x"), Optional.empty()));
        agrees("containers", new Containers(null, Map.of("a", bad), null, Optional.of("x"), Optional.empty()));
        agrees("containers", new Containers(null, null, Map.of(" ", good), Optional.of("x"), Optional.empty()));
        agrees("containers", new Containers(null, null, Map.of("k", bad), Optional.of("x"), Optional.empty()));
        // an empty optional gives its element's @NotNull a null
        agrees("containers", new Containers(null, null, null, Optional.empty(), Optional.empty()));
        agrees("containers", new Containers(null, null, null, Optional.of("x"), Optional.of(bad)));
        Map<String, Address> withNull = new HashMap<>();
        withNull.put("a", null);
        agrees(
                "containers",
                new Containers(Arrays.asList(good, null), withNull, null, Optional.of("x"), Optional.empty()));
        agrees("tags", List.of("a", "b"));
        agrees("tags", List.of("a", "b", "c"));
        agrees("tags", List.of("a", "\t"));
    }

    @Test
    void decimalsBigNumbersAndPatternsAreReadExactly() {
        Numbers valid = new Numbers(new BigDecimal("10.50"), BigInteger.valueOf(7), 1L, 2, "ab-1");
        agrees("numbers", valid);
        agrees("numbers", new Numbers(null, null, null, null, null));
        agrees("numbers", new Numbers(new BigDecimal("0"), null, null, null, null));
        agrees("numbers", new Numbers(new BigDecimal("0.0001"), null, null, null, null));
        agrees("numbers", new Numbers(new BigDecimal("10.5000001"), null, null, null, null));
        agrees("numbers", new Numbers(null, BigInteger.valueOf(-3), null, null, null));
        agrees("numbers", new Numbers(null, BigInteger.TEN.pow(30), null, null, null));
        agrees("numbers", new Numbers(null, BigInteger.valueOf(-2), null, null, null));
        agrees("numbers", new Numbers(null, null, 0L, null, null));
        agrees("numbers", new Numbers(null, null, Long.MAX_VALUE, null, null));
        agrees("numbers", new Numbers(null, null, null, 3, null));
        agrees("numbers", new Numbers(null, null, null, Integer.MIN_VALUE, null));
        agrees("numbers", new Numbers(null, null, null, null, "AB-1"));
        agrees("numbers", new Numbers(null, null, null, null, "ab-12"));
        agrees("numbers", new Numbers(null, null, null, null, "ab-1\n"));
    }

    @Test
    void aRecordThatContainsItselfIsFollowedToADepthThenLeftToTheValidator() {
        Node leaf = new Node("leaf", List.of());
        agrees("tree", new Node("root", List.of(leaf, new Node("mid", List.of(leaf)))));
        agrees("tree", new Node("root", List.of(leaf, new Node("mid", List.of(new Node(" ", null))))));
        Node deep = leaf;
        for (int i = 0; i < QuickCheck.MAX_DEPTH; i++) {
            deep = new Node("n" + i, List.of(deep));
        }
        assertTrue(validatorPasses("tree", deep));
        assertFalse(check("tree").passes(new Object[] {deep}), "deeper than it follows: the validator's");
        // a value that contains itself ends at the depth too, never in a stack overflow
        List<Loop> next = new ArrayList<>();
        Loop loop = new Loop(next);
        next.add(loop);
        assertFalse(check("loop").passes(new Object[] {loop}));
    }

    @Test
    void whatItCannotJudgeLeavesTheMethodToTheValidator() {
        assertNull(check("classLevel"), "a class-level constraint");
        assertNull(check("withGetter"), "a getter's constraint");
        assertNull(check("bean"), "a cascade into a class, not a record");
        assertNull(check("grouped"), "a constraint with groups");
        assertNull(check("deepEmail"), "an unknown constraint, however deep");
        assertNull(check("converted"), "a group conversion");
        assertNull(check("array"), "a cascade into an array");
        assertNull(check("nested"), "a container within a container");
    }

    @Test
    void aRedefinedDefaultSequenceChangesNothingWhenEveryConstraintHolds() {
        agrees("sequenced", new Sequenced("a"));
        agrees("sequenced", new Sequenced(""));
    }

    @Test
    void aWholeValueIsCheckedAsValidateChecksIt() {
        QuickCheck order = QuickCheck.ofValue(VALIDATOR, Order.class);
        assertNotNull(order);
        assertTrue(order.passesValue(order()));
        assertTrue(VALIDATOR.validate(order()).isEmpty());
        Order bad = withLine(l -> new Line(l.sku(), 0, l.price(), l.tags()));
        assertFalse(VALIDATOR.validate(bad).isEmpty());
        assertFalse(order.passesValue(bad));
        assertNull(QuickCheck.ofValue(VALIDATOR, ClassLevel.class));
        assertNull(QuickCheck.ofValue(VALIDATOR, Bean.class), "not a record");
        Map<String, Integer> ordered = new LinkedHashMap<>();
        assertTrue(QuickCheck.ANY_VALUE.passesValue(ordered));
    }
}
