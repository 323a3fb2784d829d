package io.mizan.demo;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The signed-in user, and renaming oneself. */
@ApplicationScoped
public class Accounts {

    /** What the page shows of the signed-in user. */
    public record UserView(String login, String displayName, boolean staff) {
    }

    private final Map<String, String> displayNames = new ConcurrentHashMap<>();

    /** The signed-in user, or null: a global context, embedded in the page at load. */
    @Client(context = Scope.GLOBAL)
    public Optional<UserView> currentUser(Principal me) {
        return Optional.ofNullable(me).map(p -> view(p.getName()));
    }

    /** Changes the signed-in user's display name; every tab's currentUser refetches. */
    @Client(auth = Auth.AUTHENTICATED, affects = "currentUser")
    public UserView updateName(Principal me, @NotBlank @Size(max = 40) String displayName) {
        displayNames.put(me.getName(), displayName.trim());
        return view(me.getName());
    }

    private UserView view(String login) {
        return new UserView(login, displayNames.getOrDefault(login, login), login.equals("ada"));
    }
}
