package io.mizan.demo;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.MizanException;
import io.mizan.Scope;
import io.mizan.demo.data.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.security.Principal;
import java.util.Optional;

/** The signed-in user, and renaming oneself. */
@ApplicationScoped
public class Accounts {

    /** What the page shows of the signed-in user. */
    public record UserView(String login, String displayName, boolean staff) {
    }

    @PersistenceContext(unitName = "demo")
    EntityManager em;

    /** The signed-in user, or null: a global context, embedded in the page at load. */
    @Client(context = Scope.GLOBAL)
    public Optional<UserView> currentUser(Principal me) {
        return Optional.ofNullable(me).map(p -> em.find(Member.class, p.getName())).map(Accounts::view);
    }

    /**
     * Changes the signed-in user's display name. The key {@code currentUser} reaches every open tab
     * (live invalidation), so each refetches its own user: the renamed user's other tabs show the new name.
     */
    @Client(auth = Auth.AUTHENTICATED, affects = "currentUser")
    @Transactional
    public UserView updateName(Principal me, @NotBlank @Size(max = 40) String displayName) {
        String name = Texts.trimmed(displayName);
        if (name.isEmpty()) { // @NotBlank trims only up to U+0020
            throw MizanException.invalid("displayName", "must not be blank");
        }
        Member member = em.find(Member.class, me.getName());
        member.rename(name);
        return view(member);
    }

    private static UserView view(Member member) {
        return new UserView(member.login(), member.displayName(), member.hasRole("staff"));
    }
}
