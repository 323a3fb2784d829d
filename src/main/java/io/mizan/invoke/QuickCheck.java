package io.mizan.invoke;

import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.AssertTrue;
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
import jakarta.validation.groups.Default;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.MethodDescriptor;
import jakarta.validation.metadata.ParameterDescriptor;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

/**
 * A check of a method's arguments that answers only "surely valid" or "ask the validator", for
 * methods whose parameters carry nothing but built-in constraints of the {@code Default} group.
 * Most calls pass, and asking Bean Validation to confirm it costs about 2 µs on Payara for one
 * {@code @NotBlank String}, the largest single step of Mizan's own work on a small context read; the
 * meaning of these constraints is the specification's, so a plain test of the value gives the same
 * answer.
 *
 * <p>It is conservative: anything it does not know for sure (a type it does not read, a string
 * {@code @NotBlank} might judge differently between implementations, a failure) is left to the
 * validator, which also gives the messages. A constraint it does not know, one with groups, a
 * validator added to a built-in constraint, a cascade ({@code @Valid}), a container element's
 * constraint or a cross-parameter one leaves the whole method to the validator.
 */
final class QuickCheck {

    /**
     * The package of Hibernate Validator's validators of the built-in constraints, which its metadata
     * lists for them; a validator from anywhere else (or another implementation's) leaves the method
     * to the validator.
     */
    private static final String BUILT_IN_VALIDATORS = "org.hibernate.validator.internal.constraintvalidators.";

    /** One constraint on one value: {@code true} when it surely holds. */
    private interface Rule extends Predicate<Object> {}

    /** The check of parameters without constraints: everything passes. */
    static final QuickCheck NOTHING_TO_CHECK = new QuickCheck(new Rule[0][]);

    private final Rule[][] rules; // by parameter index; empty for a parameter without constraints

    private QuickCheck(Rule[][] rules) {
        this.rules = rules;
    }

    /** Whether every constraint surely holds for these arguments; {@code false}: ask the validator. */
    boolean passes(Object[] args) {
        for (int i = 0; i < rules.length; i++) {
            for (Rule rule : rules[i]) {
                if (!rule.test(args[i])) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The check of a method's parameters, or {@code null} when one of them has a constraint it does
     * not know (then every call is the validator's).
     *
     * @param constraints the method's constraints as the validator reads them (annotations and XML together)
     * @param method the method, for its parameters' declared types
     */
    static QuickCheck of(MethodDescriptor constraints, Method method) {
        if (constraints.getCrossParameterDescriptor().hasConstraints()) {
            return null;
        }
        Class<?>[] types = method.getParameterTypes();
        Rule[][] rules = new Rule[types.length][];
        for (int i = 0; i < types.length; i++) {
            rules[i] = new Rule[0];
        }
        for (ParameterDescriptor parameter : constraints.getParameterDescriptors()) {
            if (parameter.isCascaded()
                    || !parameter.getConstrainedContainerElementTypes().isEmpty()) {
                return null;
            }
            List<Rule> found = new ArrayList<>();
            for (ConstraintDescriptor<?> constraint : parameter.getConstraintDescriptors()) {
                Rule rule = ruleOf(constraint, types[parameter.getIndex()]);
                if (rule == null) {
                    return null;
                }
                found.add(rule);
            }
            rules[parameter.getIndex()] = found.toArray(Rule[]::new);
        }
        return new QuickCheck(rules);
    }

    /**
     * The rule of a constraint on a parameter of this declared type, or {@code null}. The validator picks
     * a constraint's validator by the declared type, and refuses a type it has none for: the rules
     * are given only to the types every implementation reads, so that such a mistake stays the
     * validator's to report.
     */
    private static Rule ruleOf(ConstraintDescriptor<?> constraint, Class<?> declared) {
        // a validator the application gave a built-in constraint (in XML), or a constraint made of
        // others, is not the specification's meaning alone
        if (!constraint.getGroups().equals(Set.of(Default.class))
                || !constraint.getComposingConstraints().isEmpty()
                || !constraint.getConstraintValidatorClasses().stream()
                        .allMatch(v -> v.getName().startsWith(BUILT_IN_VALIDATORS))) {
            return null;
        }
        Annotation annotation = constraint.getAnnotation();
        if (annotation instanceof NotNull) {
            return value -> value != null;
        }
        if (annotation instanceof NotBlank && CharSequence.class.isAssignableFrom(declared)) {
            return value -> value instanceof String s && hasVisibleCharacter(s);
        }
        if (annotation instanceof NotEmpty && isSized(declared)) {
            return value -> size(value) > 0;
        }
        if (annotation instanceof Size size && isSized(declared)) {
            int min = size.min();
            int max = size.max();
            return value -> {
                if (value == null) {
                    return true;
                }
                long length = size(value);
                return length >= min && length <= max;
            };
        }
        LongPredicate bound = isNumeric(declared) ? boundOf(annotation) : null;
        if (bound != null) {
            return value -> value == null || (isIntegral(value) && bound.test(((Number) value).longValue()));
        }
        if (annotation instanceof AssertTrue && isBoolean(declared)) {
            return value -> value == null || Boolean.TRUE.equals(value);
        }
        if (annotation instanceof AssertFalse && isBoolean(declared)) {
            return value -> value == null || Boolean.FALSE.equals(value);
        }
        return null;
    }

    /** The test of a whole number by a numeric constraint, or {@code null} for any other annotation. */
    private static LongPredicate boundOf(Annotation annotation) {
        if (annotation instanceof Min min) {
            long least = min.value();
            return n -> n >= least;
        }
        if (annotation instanceof Max max) {
            long most = max.value();
            return n -> n <= most;
        }
        if (annotation instanceof Positive) {
            return n -> n > 0;
        }
        if (annotation instanceof PositiveOrZero) {
            return n -> n >= 0;
        }
        if (annotation instanceof Negative) {
            return n -> n < 0;
        }
        if (annotation instanceof NegativeOrZero) {
            return n -> n <= 0;
        }
        return null;
    }

    /**
     * A character no implementation counts as blank: the specification says "at least one
     * non-whitespace character", Hibernate Validator trims (drops characters up to U+0020), others
     * ask {@link Character#isWhitespace}. A string of only other characters goes to the validator.
     */
    static boolean hasVisibleCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > ' ' && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return true;
            }
        }
        return false;
    }

    /** The size {@code @Size} and {@code @NotEmpty} read, or -1 for a value of a type not read here. */
    private static long size(Object value) {
        if (value instanceof String s) {
            return s.length();
        }
        if (value instanceof Collection<?> c) {
            return c.size();
        }
        if (value instanceof Map<?, ?> m) {
            return m.size();
        }
        if (value instanceof Object[] a) {
            return a.length;
        }
        return -1;
    }

    private static boolean isSized(Class<?> declared) {
        return CharSequence.class.isAssignableFrom(declared)
                || Collection.class.isAssignableFrom(declared)
                || Map.class.isAssignableFrom(declared)
                || declared.isArray();
    }

    private static boolean isNumeric(Class<?> declared) {
        return Number.class.isAssignableFrom(declared)
                || declared == int.class
                || declared == long.class
                || declared == short.class
                || declared == byte.class;
    }

    private static boolean isBoolean(Class<?> declared) {
        return declared == Boolean.class || declared == boolean.class;
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte;
    }
}
