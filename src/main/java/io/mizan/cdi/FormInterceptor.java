package io.mizan.cdi;

import io.mizan.Form;
import io.mizan.model.Model;
import io.mizan.security.AccessPolicy;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;

/** Runs around every call of a {@code @Form} handler as {@link ClientInterceptor} does around {@code @Client} methods. */
@Form
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class FormInterceptor {

    private final FunctionInterception interception;

    @Inject
    public FormInterceptor(
            Model model,
            AccessPolicy access,
            FrameInvalidator publisher,
            SecurityContext security,
            FunctionValidation validation) {
        this.interception = new FunctionInterception(model, access, publisher, security, validation);
    }

    @AroundInvoke
    Object around(InvocationContext context) throws Exception {
        return interception.around(context);
    }
}
