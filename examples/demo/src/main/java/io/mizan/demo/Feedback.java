package io.mizan.demo;

import io.mizan.Client;
import io.mizan.FieldError;
import io.mizan.Form;
import io.mizan.MizanException;
import io.mizan.Scope;
import jakarta.annotation.Nullable;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/** The contact form's handler, and the inbox staff read (it refreshes by itself when a message arrives). */
@ApplicationScoped
public class Feedback {

    /** A message as staff see it; {@code by} is the signed-in sender, if any. */
    public record Message(
            String from, String email, ContactForm.Topic topic, String text, @Nullable String by, Instant at) {}

    /** What the sender is told. */
    public record Received(int number) {}

    private final List<Message> inbox = new CopyOnWriteArrayList<>();

    /** Receives a message; one open message per email address, a check only the server can make. */
    @Form(name = "contact", title = "Contact us", affects = "inbox")
    public Received contact(ContactForm form, Principal me) {
        String email = form.email().toLowerCase(Locale.ROOT);
        if (inbox.stream().anyMatch(m -> m.email().equals(email))) {
            throw new MizanException(
                    409,
                    "Already received",
                    List.of(new FieldError("email", "We already have a message from this address.")));
        }
        inbox.add(new Message(
                form.name(), email, form.topic(), form.message(), me == null ? null : me.getName(), Instant.now()));
        return new Received(inbox.size());
    }

    /** The messages received, newest first: for staff only. */
    @Client(context = Scope.GLOBAL, roles = "staff")
    public List<Message> inbox() {
        List<Message> newestFirst = new ArrayList<>(inbox);
        Collections.reverse(newestFirst);
        return newestFirst;
    }
}
