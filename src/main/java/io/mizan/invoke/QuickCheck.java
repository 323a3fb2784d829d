package io.mizan.invoke;

import jakarta.validation.Validator;
import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.CascadableDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.ElementDescriptor;
import jakarta.validation.metadata.MethodDescriptor;
import jakarta.validation.metadata.ParameterDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import jakarta.validation.metadata.ReturnValueDescriptor;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A check of a method's arguments (or its result, or a whole value) that answers only "surely valid" or "ask the
 * validator", where everything to check is a built-in constraint of the {@code Default} group: on
 * parameters, on the components of records reached through {@code @Valid}, and on the elements of
 * lists, sets, maps and optionals. Most calls pass, and asking Bean Validation to confirm it costs
 * about 2 µs on Payara for one {@code @NotBlank String}, and about 400 µs for a 10 KB body of 85
 * validated records, as much as reading it; the meaning of these constraints is the specification's,
 * so a plain test of each value gives the same answer.
 *
 * <p>It is conservative: anything it does not know for sure (a type it does not read, a string
 * {@code @NotBlank} might judge differently between implementations, a structure deeper than
 * {@value #MAX_DEPTH} levels, a failure) is left to the validator, which also gives the messages. A
 * constraint it does not know, one with groups, a validator added to a built-in constraint, a
 * class-level or getter constraint, a cascade into anything but a record, a group conversion or a
 * cross-parameter constraint leaves the whole method to the validator.
 *
 * <pre>{@code
 * place(@NotNull @Valid Order order)
 * record Order(@NotBlank String customer, @Size(min = 1) List<@Valid Line> lines) {}
 * record Line(@NotBlank String sku, @Min(1) int quantity, @DecimalMin("0") BigDecimal price) {}
 * }</pre>
 */
final class QuickCheck {

    /**
     * The package of Hibernate Validator's validators of the built-in constraints, which its metadata
     * lists for them; a validator from anywhere else (or another implementation's) leaves the method
     * to the validator.
     */
    private static final String BUILT_IN_VALIDATORS = "org.hibernate.validator.internal.constraintvalidators.";

    /** How deep it follows records and containers; deeper (or a cycle) is the validator's. */
    static final int MAX_DEPTH = 64;

    /** What one value must satisfy: {@code true} when it surely does. */
    private interface Check {
        boolean holds(Object value, int depth);
    }

    /** One constraint on one value: {@code true} when it surely holds. */
    private interface Rule extends Predicate<Object> {}

    private static final Check ANYTHING = (value, depth) -> true;

    /** The check of parameters without constraints: everything passes. */
    static final QuickCheck NOTHING_TO_CHECK = new QuickCheck(new Check[0]);

    /** The check of a value of a class without constraints: every value passes. */
    static final QuickCheck ANY_VALUE = new QuickCheck(new Check[] {ANYTHING});

    private final Check[] checks; // by parameter index

    private QuickCheck(Check[] checks) {
        this.checks = checks;
    }

    /** Whether every constraint surely holds for these arguments; {@code false}: ask the validator. */
    boolean passes(Object[] args) {
        for (int i = 0; i < checks.length; i++) {
            if (!checks[i].holds(args[i], 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The check of a method's parameters, or {@code null} when one of them has something it does not
     * know (then every call is the validator's).
     *
     * @param validator whose metadata gives the constraints of the records reached through {@code @Valid}
     * @param constraints the method's constraints as the validator reads them (annotations and XML together)
     * @param method the method, for its parameters' declared types
     */
    static QuickCheck of(Validator validator, MethodDescriptor constraints, Method method) {
        if (constraints.getCrossParameterDescriptor().hasConstraints()) {
            return null;
        }
        Class<?>[] types = method.getParameterTypes();
        Check[] checks = new Check[types.length]; // the validator lists every parameter, constrained or not
        Builder builder = new Builder(validator);
        for (ParameterDescriptor parameter : constraints.getParameterDescriptors()) {
            Check check = builder.checkOf(parameter, types[parameter.getIndex()]);
            if (check == null) {
                return null;
            }
            checks[parameter.getIndex()] = check;
        }
        return new QuickCheck(checks);
    }

    /**
     * The check of a whole value of this class, as {@code validator.validate(value)} judges it, or
     * {@code null} when the class is not a record whose constraints it knows.
     */
    static QuickCheck ofValue(Validator validator, Class<?> type) {
        Check check = type.isRecord() ? new Builder(validator).record(type) : null;
        return check == null ? null : new QuickCheck(new Check[] {check});
    }

    /**
     * The check of a method's result, or {@code null} when it has something it does not know.
     *
     * @param constraints the result's constraints as the validator reads them
     * @param method the method, for its declared result type
     */
    static QuickCheck ofResult(Validator validator, ReturnValueDescriptor constraints, Method method) {
        Check check = new Builder(validator).checkOf(constraints, method.getReturnType());
        return check == null ? null : new QuickCheck(new Check[] {check});
    }

    /** Whether one value surely passes ({@link #ofValue}, {@link #ofResult}); {@code false}: ask the validator. */
    boolean passesValue(Object value) {
        return checks[0].holds(value, 0);
    }

    /** Builds the checks of one method or value, each record's once (records may contain themselves). */
    private static final class Builder {
        private final Validator validator;
        private final Map<Class<?>, RecordCheck> records = new HashMap<>();

        Builder(Validator validator) {
            this.validator = validator;
        }

        /**
         * The check of a parameter, property or container element of this declared type: its own
         * constraints, the record it cascades to, the elements of its containers; {@code null} when
         * any part is unknown.
         */
        <D extends ElementDescriptor & CascadableDescriptor & ContainerDescriptor> Check checkOf(
                D element, Class<?> declared) {
            if (declared == null || !element.getGroupConversions().isEmpty()) {
                return null;
            }
            List<Rule> rules = new ArrayList<>();
            for (ConstraintDescriptor<?> constraint : element.getConstraintDescriptors()) {
                Rule rule = ruleOf(constraint, declared);
                if (rule == null) {
                    return null;
                }
                rules.add(rule);
            }
            List<Check> containers = new ArrayList<>();
            boolean elementsCascade = false;
            for (ContainerElementTypeDescriptor contained : element.getConstrainedContainerElementTypes()) {
                Check check = containerCheck(contained);
                if (check == null) {
                    return null;
                }
                if (check != ANYTHING) {
                    containers.add(check);
                }
                elementsCascade |= contained.isCascaded();
            }
            Check cascade = null;
            if (element.isCascaded()) {
                // @Valid on a container (List<Line>) is read by the validator as on its elements, which
                // its metadata then lists as cascaded: checked above
                if (declared.isRecord()) {
                    cascade = record(declared);
                    if (cascade == null) {
                        return null;
                    }
                } else if (!elementsCascade) {
                    return null;
                }
            }
            if (rules.isEmpty() && cascade == null && containers.isEmpty()) {
                return ANYTHING;
            }
            return new ValueCheck(rules.toArray(Rule[]::new), cascade, containers.toArray(Check[]::new));
        }

        /** The check of a container's elements, keys or values, or {@code null}. */
        private Check containerCheck(ContainerElementTypeDescriptor contained) {
            Check element = checkOf(contained, contained.getElementClass());
            Class<?> container = contained.getContainerClass();
            Integer index = contained.getTypeArgumentIndex();
            if (element == null || index == null) {
                return null; // a container within a container is listed without its class
            }
            if (element == ANYTHING) {
                return ANYTHING; // listed, with nothing to check (a map's keys, next to its values)
            }
            if (index == 0
                    && (container == List.class
                            || container == Set.class
                            || container == Collection.class
                            || container == Iterable.class)) {
                return (value, depth) -> value instanceof Iterable<?> items && allHold(items, element, depth);
            }
            if (container == Map.class) {
                return (value, depth) -> value instanceof Map<?, ?> map
                        && allHold(index == 0 ? map.keySet() : map.values(), element, depth);
            }
            if (container == Optional.class && index == 0) {
                // an empty optional gives its element's constraints a null, as the validator does
                return (value, depth) -> value instanceof Optional<?> o && element.holds(o.orElse(null), depth + 1);
            }
            return null;
        }

        /**
         * The check of a record cascaded to, or {@code null}: a class-level constraint, a constrained
         * property that is not a component, or a getter ({@code getX()}, {@code isX()}, {@code hasX()}),
         * which the validator reads as a property of its own, leave it to the validator. Records only:
         * a class may be a JPA entity, whose unloaded properties the validator passes over (its
         * traversable resolver asks the persistence provider) and which reading here would load.
         */
        Check record(Class<?> type) {
            RecordCheck known = records.get(type);
            if (known != null) {
                return known;
            }
            BeanDescriptor bean = validator.getConstraintsForClass(type);
            if (!bean.getConstraintDescriptors().isEmpty()) {
                return null;
            }
            RecordCheck check = new RecordCheck(type);
            records.put(type, check);
            Set<String> components = Stream.of(type.getRecordComponents())
                    .map(RecordComponent::getName)
                    .collect(Collectors.toSet());
            Set<String> noArgumentMethods = Stream.concat(
                            Stream.of(type.getDeclaredMethods()), Stream.of(type.getMethods()))
                    .filter(m -> m.getParameterCount() == 0)
                    .map(Method::getName)
                    .collect(Collectors.toSet());
            List<Field> fields = new ArrayList<>();
            List<Check> checks = new ArrayList<>();
            for (PropertyDescriptor property : bean.getConstrainedProperties()) {
                Field field = componentField(type, property.getPropertyName(), components, noArgumentMethods);
                Check value = field == null ? null : checkOf(property, field.getType());
                if (value == null) {
                    return null;
                }
                fields.add(field);
                checks.add(value);
            }
            check.fields = fields.toArray(Field[]::new);
            check.checks = checks.toArray(Check[]::new);
            return check;
        }

        /**
         * The field of a record's component, readable, or {@code null} when the name is not only that:
         * not a component, or also a getter's ({@code getX()}, {@code isX()}, {@code hasX()}).
         */
        private static Field componentField(
                Class<?> type, String name, Set<String> components, Set<String> noArgumentMethods) {
            String capitalized = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
            boolean component = components.contains(name);
            boolean getter =
                    Stream.of("get", "is", "has").anyMatch(prefix -> noArgumentMethods.contains(prefix + capitalized));
            if (!component || getter) {
                return null;
            }
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException | RuntimeException e) {
                return null; // not readable from here: the validator reads it
            }
        }
    }

    private static boolean allHold(Iterable<?> items, Check element, int depth) {
        for (Object item : items) {
            if (!element.holds(item, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    /** A value's own constraints, then the record it cascades to and its containers' elements. */
    private record ValueCheck(Rule[] rules, Check cascade, Check[] containers) implements Check {
        @Override
        public boolean holds(Object value, int depth) {
            for (Rule rule : rules) {
                if (!rule.test(value)) {
                    return false;
                }
            }
            if (value == null) {
                return true; // nothing to cascade to, no elements
            }
            if (cascade != null && !cascade.holds(value, depth)) {
                return false;
            }
            for (Check container : containers) {
                if (!container.holds(value, depth)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A record's components, read from its fields as the validator reads them: its accessors
     * ({@code name()}) are not getters to it, unless the application changes Hibernate Validator's
     * getter rules, which this check does not follow.
     */
    private static final class RecordCheck implements Check {
        private final Class<?> type;
        private Field[] fields; // set once the record's components are read: it may contain itself
        private Check[] checks;

        RecordCheck(Class<?> type) {
            this.type = type;
        }

        @Override
        public boolean holds(Object value, int depth) { // never null: a null is not cascaded to
            if (value.getClass() != type || depth > MAX_DEPTH) {
                return false;
            }
            try {
                for (int i = 0; i < fields.length; i++) {
                    if (!checks[i].holds(fields[i].get(value), depth + 1)) {
                        return false;
                    }
                }
            } catch (IllegalAccessException e) {
                return false;
            }
            return true;
        }
    }

    /**
     * The rule of a constraint on a value of this declared type, or {@code null}. The validator picks
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
        if (annotation instanceof Pattern pattern && CharSequence.class.isAssignableFrom(declared)) {
            return patternOf(pattern);
        }
        Bound bound = isNumeric(declared) ? boundOf(annotation) : null;
        if (bound != null) {
            return value -> value == null || bound.test(value);
        }
        if (annotation instanceof AssertTrue && isBoolean(declared)) {
            return value -> value == null || Boolean.TRUE.equals(value);
        }
        if (annotation instanceof AssertFalse && isBoolean(declared)) {
            return value -> value == null || Boolean.FALSE.equals(value);
        }
        return null;
    }

    /** {@code @Pattern}: the whole text matches, with the annotation's flags; {@code null} if it does not compile. */
    private static Rule patternOf(Pattern pattern) {
        int flags = 0;
        for (Pattern.Flag flag : pattern.flags()) {
            flags |= flag.getValue();
        }
        java.util.regex.Pattern compiled;
        try {
            compiled = java.util.regex.Pattern.compile(pattern.regexp(), flags);
        } catch (RuntimeException e) {
            return null; // the validator reports it
        }
        return value -> value == null
                || value instanceof String s && compiled.matcher(s).matches();
    }

    /**
     * A numeric constraint, for whole numbers ({@code int}, {@code long}, their boxes, {@code short},
     * {@code byte}) and exact decimals ({@code BigDecimal}, {@code BigInteger}); other values, floating
     * point among them, go to the validator.
     */
    private record Bound(LongPredicate whole, Predicate<BigDecimal> decimal) {
        boolean test(Object value) {
            if (isIntegral(value)) {
                return whole.test(((Number) value).longValue());
            }
            if (value instanceof BigDecimal d) {
                return decimal.test(d);
            }
            return value instanceof BigInteger i && decimal.test(new BigDecimal(i));
        }

        /** A bound given as a decimal: whole numbers are compared as decimals too. */
        static Bound decimal(Predicate<BigDecimal> decimal) {
            return new Bound(n -> decimal.test(BigDecimal.valueOf(n)), decimal);
        }
    }

    /** The test of a number by a numeric constraint, or {@code null} for any other annotation. */
    private static Bound boundOf(Annotation annotation) {
        if (annotation instanceof Min min) {
            long least = min.value();
            BigDecimal decimal = BigDecimal.valueOf(least);
            return new Bound(n -> n >= least, d -> d.compareTo(decimal) >= 0);
        }
        if (annotation instanceof Max max) {
            long most = max.value();
            BigDecimal decimal = BigDecimal.valueOf(most);
            return new Bound(n -> n <= most, d -> d.compareTo(decimal) <= 0);
        }
        if (annotation instanceof Positive) {
            return new Bound(n -> n > 0, d -> d.signum() > 0);
        }
        if (annotation instanceof PositiveOrZero) {
            return new Bound(n -> n >= 0, d -> d.signum() >= 0);
        }
        if (annotation instanceof Negative) {
            return new Bound(n -> n < 0, d -> d.signum() < 0);
        }
        if (annotation instanceof NegativeOrZero) {
            return new Bound(n -> n <= 0, d -> d.signum() <= 0);
        }
        try {
            if (annotation instanceof DecimalMin min) {
                BigDecimal least = new BigDecimal(min.value());
                boolean inclusive = min.inclusive();
                return Bound.decimal(d -> inclusive ? d.compareTo(least) >= 0 : d.compareTo(least) > 0);
            }
            if (annotation instanceof DecimalMax max) {
                BigDecimal most = new BigDecimal(max.value());
                boolean inclusive = max.inclusive();
                return Bound.decimal(d -> inclusive ? d.compareTo(most) <= 0 : d.compareTo(most) < 0);
            }
        } catch (NumberFormatException e) {
            return null; // not a number: the validator reports it
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
