package io.mizan;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a component of a {@link Form} record is shown: its label, help text, placeholder and widget.
 * Everything is optional: the label defaults to the humanized component name ({@code postalCode}:
 * "Postal code"), and the widget to what the type suggests (an enum is a select with its constants as
 * choices, a {@code boolean} a checkbox, a number a number field, a date a date field, {@code @Email}
 * an email field).
 *
 * <pre>{@code
 * @FormField(label = "Your message", help = "We answer within a day", widget = Widget.TEXTAREA)
 * @Size(max = 2000) String message
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface FormField {

    /** The label; the humanized component name when empty. */
    String label() default "";

    /** A line of help under the field. */
    String help() default "";

    /** The placeholder of a text field. */
    String placeholder() default "";

    /** The widget; {@link Widget#AUTO} chooses from the type and the constraints. */
    Widget widget() default Widget.AUTO;
}
