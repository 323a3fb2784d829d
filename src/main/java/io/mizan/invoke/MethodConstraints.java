package io.mizan.invoke;

import jakarta.validation.Validator;
import jakarta.validation.metadata.MethodDescriptor;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Bean Validation has to check on a method or a value, asked once per method or class: validating
 * what has nothing to check still costs a call, and its metadata is not asked again on every call.
 */
public final class MethodConstraints {

    /**
     * What a method has to check: the quick checks of its parameters and of its result ({@code null}
     * where the validator alone can judge them: a cross-parameter constraint, one the check does not know).
     */
    private record Found(QuickCheck parameters, QuickCheck result) {}

    private static final Found NOTHING = new Found(QuickCheck.NOTHING_TO_CHECK, QuickCheck.ANY_VALUE);

    private final Validator validator;
    private final Map<Method, Found> found = new ConcurrentHashMap<>();
    private final Map<Class<?>, Optional<QuickCheck>> values = new ConcurrentHashMap<>();

    /** @param validator the server's validator, whose metadata is read and which validates */
    public MethodConstraints(Validator validator) {
        this.validator = validator;
    }

    /** The validator these constraints are read from. */
    public Validator validator() {
        return validator;
    }

    /**
     * Whether these arguments of the method surely pass its parameters' constraints, known without a
     * validation call: they have none, or {@link QuickCheck} says so. {@code false}: the validator
     * must decide.
     */
    public boolean surelyValid(Method method, Object[] args) {
        QuickCheck quick = found(method).parameters();
        return quick != null && quick.passes(args);
    }

    /**
     * Whether the method's result surely passes its constraints, known without a validation call: it
     * has none, or {@link QuickCheck} says so. {@code false}: the validator must decide.
     */
    public boolean surelyValidResult(Method method, Object result) {
        QuickCheck quick = found(method).result();
        return quick != null && quick.passesValue(result);
    }

    /**
     * Whether a value surely passes when validated whole (a channel's parameters or message, a form's
     * record), known without a validation call: its class has nothing to check (no constraint on the
     * class, a property, a getter or an element, no cascade with {@code @Valid}), or {@link QuickCheck}
     * says so. {@code false}: the validator must decide.
     */
    public boolean surelyValidValue(Object value) {
        Optional<QuickCheck> quick = values.computeIfAbsent(
                value.getClass(),
                t -> validator.getConstraintsForClass(t).isBeanConstrained()
                        ? Optional.ofNullable(QuickCheck.ofValue(validator, t))
                        : Optional.of(QuickCheck.ANY_VALUE));
        return quick.isPresent() && quick.get().passesValue(value);
    }

    private Found found(Method method) {
        return found.computeIfAbsent(method, m -> {
            // declared where the method is: an override may add result constraints of its own
            MethodDescriptor descriptor = validator
                    .getConstraintsForClass(m.getDeclaringClass())
                    .getConstraintsForMethod(m.getName(), m.getParameterTypes());
            return descriptor == null
                    ? NOTHING
                    : new Found(
                            descriptor.hasConstrainedParameters()
                                    ? QuickCheck.of(validator, descriptor, m)
                                    : QuickCheck.NOTHING_TO_CHECK,
                            descriptor.hasConstrainedReturnValue()
                                    ? QuickCheck.ofResult(validator, descriptor.getReturnValueDescriptor(), m)
                                    : QuickCheck.ANY_VALUE);
        });
    }
}
