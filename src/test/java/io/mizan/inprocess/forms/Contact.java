package io.mizan.inprocess.forms;

import io.mizan.Client;
import io.mizan.FieldError;
import io.mizan.Form;
import io.mizan.MizanException;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

/** The contact form's handler, and the inbox it fills. */
@ApplicationScoped
public class Contact {

    private final List<String> received = new ArrayList<>();

    @Form(name = "contact", title = "Contact Us", affects = "inbox")
    public Sent contact(ContactForm form, Principal me) {
        if (form.email().equals("taken@example.com")) { // a check only the server can make
            throw new MizanException(
                    409, "Already subscribed", List.of(new FieldError("email", "this email is already subscribed")));
        }
        received.add(form.name());
        return new Sent("T-" + received.size(), me == null ? null : me.getName());
    }

    @Client(context = Scope.GLOBAL)
    public int inbox() {
        return received.size();
    }
}
