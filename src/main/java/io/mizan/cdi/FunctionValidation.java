package io.mizan.cdi;

import io.mizan.invoke.MethodConstraints;
import jakarta.interceptor.InvocationContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * Bean Validation of function methods, done by Mizan in place of the server's validation interceptor.
 *
 * <p>On a server, Hibernate Validator's CDI extension binds its interceptor to every constrained bean
 * method. The invoker validates a function's arguments itself, before the method runs (a 422 with
 * field errors, in the caller's language), so that interceptor would validate them a second time on
 * every call: for a large validated body, as much again as the rest of the call. The extension
 * therefore takes the interceptor's binding off function methods ({@link #isBinding}), and the
 * function interceptor does what it did, once: the parameters of a call the invoker did not make
 * (server code calling the bean), and the result of every call, both throwing
 * {@link ConstraintViolationException} as the interceptor would. Methods the interceptor was not bound
 * to (executable validation switched off, a getter) stay unvalidated, as they were.
 */
public final class FunctionValidation {

    /** Hibernate Validator's interceptor binding; other providers' are left alone. */
    private static final String BINDING = "org.hibernate.validator.cdi.internal.interceptor.MethodValidated";

    private final Set<Method> methods;
    private final MethodConstraints constraints;

    FunctionValidation(Set<Method> methods, MethodConstraints constraints) {
        this.methods = methods;
        this.constraints = constraints;
    }

    /** Whether this annotation binds the server's validation interceptor. */
    static boolean isBinding(Annotation annotation) {
        return annotation.annotationType().getName().equals(BINDING);
    }

    /** Validates the parameters of a call the invoker did not make, before it runs. */
    void parameters(InvocationContext context) {
        if (methods.contains(context.getMethod())
                && !constraints.surelyValid(context.getMethod(), context.getParameters())) {
            refuse(constraints
                    .validator()
                    .forExecutables()
                    .validateParameters(context.getTarget(), context.getMethod(), context.getParameters()));
        }
    }

    /** Validates the result of a call, returning it when it passes. */
    Object result(InvocationContext context, Object result) {
        Method method = context.getMethod();
        if (methods.contains(method) && !constraints.surelyValidResult(method, result)) {
            refuse(constraints.validator().forExecutables().validateReturnValue(context.getTarget(), method, result));
        }
        return result;
    }

    private static <T> void refuse(Set<ConstraintViolation<T>> violations) {
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }
}
