package io.mizan.it.core;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.MizanException;
import io.mizan.it.core.Types.Checked;
import io.mizan.it.core.Types.Everything;
import io.mizan.it.core.Types.Greeting;
import io.mizan.it.core.Types.Signup;
import jakarta.annotation.Nullable;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.Optional;

/** Server functions as a user would write them. */
@ApplicationScoped
public class Functions {

    @Inject
    Staff staff;

    @Client
    public String hello() {
        return "Hello";
    }

    @Client
    public Greeting greet(@NotBlank @Size(max = 20) String name) {
        String text = "Hello, " + name;
        return new Greeting(text, text.length());
    }

    @Client
    public Everything echo(Everything value) {
        return value;
    }

    @Client
    public long add(int a, long b) {
        return a + b;
    }

    @Client
    public BigDecimal half(BigDecimal value) {
        return value.divide(BigDecimal.valueOf(2));
    }

    @Client
    public String maybe(Optional<String> note, @Nullable String other) {
        return note.orElse("none") + "/" + (other == null ? "null" : other);
    }

    @Client
    public String signup(@Valid Signup signup) {
        return signup.email();
    }

    @Client
    public String whoAmI(Principal me, HttpServletRequest request) {
        return (me == null ? "nobody" : me.getName()) + " via " + request.getMethod();
    }

    @Client(auth = Auth.AUTHENTICATED)
    public String secret() {
        return "for signed-in eyes";
    }

    @Client(roles = "staff")
    public String staffOnly() {
        return "staff only";
    }

    @Client
    @RolesAllowed("staff")
    public String report() {
        return "weekly report";
    }

    @Client
    @DenyAll
    public String denied() {
        return "never";
    }

    @Client(check = OnlyBob.class)
    public String bobOnly() {
        return "hello bob";
    }

    @Client(serverOnly = true)
    public String webhook() {
        return "hooked";
    }

    /** A public function that calls a staff-only one in-process: the interceptor refuses anonymous callers. */
    @Client
    public String viaStaff() {
        return "got " + staff.payroll();
    }

    /** A public function that calls a server-only one in-process, which runs. */
    @Client
    public String viaWebhook() {
        return "got " + webhook();
    }

    @Client
    public String boom() {
        throw new IllegalStateException("database password is hunter2");
    }

    @Client
    public String conflict() {
        throw new MizanException(409, "Already done");
    }

    @Client
    public String shipped() {
        throw MizanException.withCode(409, "ORDER_SHIPPED", "The order was already shipped");
    }

    @Client
    public String taken(String email) {
        throw MizanException.invalid("email", "is already registered");
    }

    @Client
    @Valid
    public Checked badResult() {
        return new Checked(null);
    }

    @Client
    public void nothing() {}

    /** Not a server function: must answer 404 like an unknown name. */
    public String plainMethod() {
        return "hidden";
    }
}
