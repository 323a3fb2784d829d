package io.mizan.it.core;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.atomic.AtomicInteger;

/** Not blank, and counted: how many times a value was checked tells how many times a call was validated. */
@Constraint(validatedBy = Counted.Check.class)
@Target({ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Counted {

    AtomicInteger CHECKS = new AtomicInteger();

    String message() default "must not be blank";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Counted, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            CHECKS.incrementAndGet();
            return value != null && !value.isBlank();
        }
    }
}
