package io.mizan.it.contexts;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.FieldError;
import io.mizan.Form;
import io.mizan.MizanException;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;

import java.security.Principal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The forms of the forms tests: a public contact form, a booking for users, a raise for staff. */
@ApplicationScoped
public class Desk {

    private final AtomicInteger inquiries = new AtomicInteger();

    public record Ticket(int number, String by) {}

    public record Raise(@Max(10) int percent) {}

    @Form(name = "contact", title = "Contact Us", affects = "inquiries")
    public Ticket contact(Inquiry form, Principal me) {
        if (form.email().equalsIgnoreCase("taken@example.com")) {
            throw new MizanException(
                    409, "Already asked", List.of(new FieldError("email", "this email has an open inquiry")));
        }
        return new Ticket(inquiries.incrementAndGet(), me == null ? null : me.getName());
    }

    @Client(context = Scope.LOCAL)
    public int inquiries() {
        return inquiries.get();
    }

    @Form(name = "booking", auth = Auth.AUTHENTICATED)
    public String book(Booking form) {
        return form.from() + "/" + form.until();
    }

    @Form(name = "raise", roles = "staff")
    public int raise(Raise form) {
        return form.percent();
    }
}
