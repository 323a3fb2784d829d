package io.mizan.demo;

import io.mizan.demo.data.Member;
import io.mizan.demo.data.NoteEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The demo's first data, loaded once: when the application starts on an empty database (the schema
 * itself is created by Jakarta Persistence, see persistence.xml). Passwords are stored as PBKDF2
 * hashes, the format the identity store of {@link DemoApp} checks.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @PersistenceContext(unitName = "demo")
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash hash;

    @Transactional
    void seed(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long members = em.createQuery("select count(m) from Member m", Long.class).getSingleResult();
        if (members > 0) {
            return;
        }
        em.persist(new Member("ada", hash.generate("lovelace".toCharArray()), "Ada", Set.of("user", "staff")));
        em.persist(new Member("bob", hash.generate("builder".toCharArray()), "Bob", Set.of("user")));
        em.persist(new NoteEntry("general", "ada", "Welcome! Notes here refresh by themselves in every tab.", Instant.now()));
        LOG.info("Demo data loaded: users ada (staff) and bob");
    }
}
