package io.mizan.inprocess.forms;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A class-level constraint: the two passwords are the same; reported on {@code confirm}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PasswordsMatch.Check.class)
public @interface PasswordsMatch {
    String message() default "the passwords differ";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<PasswordsMatch, SignupForm> {
        @Override
        public boolean isValid(SignupForm form, ConstraintValidatorContext context) {
            if (form.password() == null || form.password().equals(form.confirm())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("confirm")
                    .addConstraintViolation();
            return false;
        }
    }
}
