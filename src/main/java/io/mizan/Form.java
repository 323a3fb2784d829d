package io.mizan;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a CDI bean method the handler of a form: a record whose components carry Bean Validation
 * constraints (and, optionally, {@link FormField} display metadata), checked in the browser by the
 * generated Zod schema and on the server by Bean Validation, from the one set of constraints.
 *
 * <pre>{@code
 * public record ContactForm(
 *         @NotBlank @FormField(label = "Your name") String name,
 *         @NotBlank @Email String email,
 *         @Size(max = 2000) @FormField(widget = Widget.TEXTAREA) String message) {}
 *
 * @ApplicationScoped
 * public class Contact {
 *     @Form(name = "contact", title = "Contact Us", affects = "inbox")
 *     public Sent contact(ContactForm form, Principal me) { ... }
 * }
 * }</pre>
 *
 * <p>Three functions are registered, called like any other ({@code POST <base>/call/<name>}):
 * {@code contact.schema} (the fields, labels, widgets, choices and constraints, enough to render the
 * form), {@code contact.validate} (checks a whole or partial form without running the handler) and
 * {@code contact.submit} (validates, then runs the handler). The generated client has
 * {@code useContactForm()}. The method takes the form record as its one argument, plus injected
 * parameters ({@code Principal}, {@code SecurityContext}, {@code HttpServletRequest}).
 *
 * <p>Access and invalidation mean what they mean on {@link Client}, and {@code @RolesAllowed},
 * {@code @PermitAll} and {@code @DenyAll} apply; a class-level {@code @Client} gives its settings to
 * the form as to its other methods. Access applies to all three functions.
 */
@InterceptorBinding
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Form {

    /** The form's name, an identifier: its functions are {@code <name>.schema}, {@code .validate}, {@code .submit}; the method's name when empty. */
    @Nonbinding
    String name() default "";

    /** The title shown above the form; the humanized name when empty. */
    @Nonbinding
    String title() default "";

    /** Who may use the form; {@link Auth#DEFAULT} follows the class's {@code @Client}, then {@code mizan.auth.default}. */
    @Nonbinding
    Auth auth() default Auth.DEFAULT;

    /** Roles of which the caller must have at least one; implies a signed-in caller. */
    @Nonbinding
    String[] roles() default {};

    /** A CDI bean that decides whether the caller may use the form. */
    @Nonbinding
    Class<? extends AccessCheck> check() default AccessCheck.class;

    /** Names of the contexts a submit changes. */
    @Nonbinding
    String[] affects() default {};
}
