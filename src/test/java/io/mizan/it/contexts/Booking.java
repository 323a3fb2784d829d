package io.mizan.it.contexts;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Future;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/** A stay whose departure follows its arrival: a constraint on the whole record, reported on {@code until}. */
@Booking.InOrder
public record Booking(@Future LocalDate from, LocalDate until) {

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = InOrder.Check.class)
    public @interface InOrder {
        String message() default "must be after the arrival";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<InOrder, Booking> {
            @Override
            public boolean isValid(Booking booking, ConstraintValidatorContext context) {
                if (booking.from() == null
                        || booking.until() == null
                        || booking.until().isAfter(booking.from())) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("until")
                        .addConstraintViolation();
                return false;
            }
        }
    }
}
