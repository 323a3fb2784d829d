package io.mizan.demo;

import io.mizan.Client;
import io.mizan.FieldError;
import io.mizan.Form;
import io.mizan.MizanException;
import io.mizan.Scope;
import io.mizan.demo.data.InboxMessage;
import jakarta.annotation.Nullable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.security.Principal;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.util.List;

/** The contact form's handler, and the inbox staff read (it refreshes by itself when a message arrives). */
@ApplicationScoped
public class Feedback {

    /** A message as staff see it; {@code by} is the signed-in sender, if any. */
    public record Message(
            long id,
            String from,
            String email,
            ContactForm.Topic topic,
            String text,
            @Nullable String by,
            Instant at,
            @Nullable Instant callBack) {}

    /** What the sender is told. */
    public record Received(long number) {}

    @PersistenceContext(unitName = "demo")
    EntityManager em;

    /** Receives a message; one message per email address, a check only the server can make. */
    @Form(name = "contact", title = "Contact us", affects = "inbox")
    @Transactional
    public Received contact(ContactForm form, Principal me) {
        // @NotBlank trims only up to U+0020: a name or message of zero-width spaces would show as nothing
        if (Texts.trimmed(form.name()).isEmpty()) {
            throw MizanException.invalid("name", "must not be blank");
        }
        if (Texts.trimmed(form.message()).isEmpty()) {
            throw MizanException.invalid("message", "must not be blank");
        }
        String email = Texts.lowerCase(form.email()); // as long as the address: it fits its column
        long earlier = em.createQuery("select count(m) from InboxMessage m where m.email = :email", Long.class)
                .setParameter("email", email)
                .getSingleResult();
        if (earlier > 0) {
            throw alreadyReceived();
        }
        InboxMessage message = new InboxMessage(form.name(), email,
                form.topic().name(), form.message(),
                me == null ? null : me.getName(), Instant.now(), form.callBack());
        em.persist(message);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // two sends from one address at the same moment both find none: the column's UNIQUE decides
            if (uniqueViolation(e)) {
                throw alreadyReceived();
            }
            throw e;
        }
        return new Received(message.id());
    }

    private static MizanException alreadyReceived() {
        return new MizanException(
                409, "Already received", List.of(new FieldError("email", "We already have a message from this address.")));
    }

    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    /** The messages received, newest first: for staff only. */
    @Client(context = Scope.GLOBAL, roles = "staff")
    public List<Message> inbox() {
        return em.createQuery("select m from InboxMessage m order by m.id desc", InboxMessage.class)
                .setMaxResults(100)
                .getResultList()
                .stream()
                .map(m -> new Message(m.id(), m.sender(), m.email(),
                        ContactForm.Topic.valueOf(m.topic()), m.body(), m.sentBy(),
                        m.receivedAt(), m.callBack()))
                .toList();
    }
}
