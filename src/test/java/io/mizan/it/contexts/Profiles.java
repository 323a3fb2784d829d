package io.mizan.it.contexts;

import io.mizan.Client;
import io.mizan.Invalidator;
import io.mizan.MizanException;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Contexts and the mutations that change them, as a user would write them. */
@ApplicationScoped
public class Profiles {

    public record UserView(String name, boolean staff) {}

    public record Settings(String motto) {}

    public record Profile(long userId, String name) {}

    public record Todo(String owner, int listId, String text) {}

    @Inject
    Invalidator invalidator;

    private final Map<Long, String> names = new ConcurrentHashMap<>();
    private volatile String motto = "Hello";

    @Client(context = Scope.GLOBAL)
    public Optional<UserView> currentUser(Principal me) {
        return Optional.ofNullable(me)
                .map(p -> new UserView(p.getName(), p.getName().equals("sam")));
    }

    @Client(context = Scope.GLOBAL)
    public Settings settings() {
        return new Settings(motto);
    }

    @Client(context = Scope.GLOBAL, roles = "staff")
    public int openTickets() {
        return 3;
    }

    @Client(context = Scope.LOCAL)
    public Profile userProfile(long userId) {
        return new Profile(userId, names.getOrDefault(userId, "user" + userId));
    }

    @Client(context = Scope.LOCAL)
    public List<Todo> todos(String owner, int listId) {
        return List.of(new Todo(owner, listId, "first"));
    }

    @Client(affects = {"userProfile", "currentUser"})
    public Profile rename(long userId, @NotBlank @Size(max = 40) String name) {
        names.put(userId, name);
        return userProfile(userId);
    }

    @Client(affects = "todos")
    public int addTodo(String owner, int listId, String text) {
        return 1;
    }

    @Client(affects = "todos")
    public int clearTodos(String owner) {
        return 0;
    }

    @Client(affects = "settings")
    public Settings setMotto(String motto) {
        this.motto = motto;
        return settings();
    }

    @Client
    public String touchDouble(long userId) {
        invalidator.invalidate("userProfile", Map.of("userId", userId * 2));
        invalidator.invalidate("settings");
        return "ok";
    }

    @Client(affects = "settings")
    public String failingUpdate() {
        invalidator.invalidate("userProfile", Map.of("userId", 1));
        throw new MizanException(409, "Nothing changed");
    }

    @Client(serverOnly = true, affects = "settings")
    public String webhook(String motto) {
        this.motto = motto;
        return "ok";
    }
}
