package io.mizan.invoke;

import jakarta.validation.Validator;

import java.lang.reflect.Method;
import java.util.Arrays;

/** The methods of a test's service class by name, and their quick checks as a validator's metadata gives them. */
final class ServiceMethods {

    private ServiceMethods() {}

    static Method method(Class<?> service, String name) {
        return Arrays.stream(service.getMethods())
                .filter(m -> m.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    static QuickCheck check(Validator validator, Class<?> service, String name) {
        Method m = method(service, name);
        return QuickCheck.of(
                validator,
                validator.getConstraintsForClass(service).getConstraintsForMethod(name, m.getParameterTypes()),
                m);
    }
}
