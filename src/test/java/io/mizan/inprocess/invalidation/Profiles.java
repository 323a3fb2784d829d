package io.mizan.inprocess.invalidation;

import io.mizan.Client;
import io.mizan.Invalidator;
import io.mizan.MizanException;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** User profiles: a global and a local context, and mutations that change them. */
@ApplicationScoped
public class Profiles {

    /** A user's profile. */
    public record Profile(long userId, String name) {}

    private final Map<Long, String> names = new ConcurrentHashMap<>();

    @Inject
    Audit audit;

    @Inject
    Invalidator invalidator;

    @Client(context = Scope.GLOBAL)
    public String currentUser() {
        return "ann";
    }

    @Client(context = Scope.LOCAL)
    public Profile userProfile(long userId) {
        return new Profile(userId, names.getOrDefault(userId, "?"));
    }

    /** Shares {@code userId} with {@code userProfile}, so only that user's profile is refetched. */
    @Client(affects = {"currentUser", "userProfile"})
    public Profile rename(long userId, @NotBlank @Size(max = 80) String name) {
        audit.record("rename " + userId);
        if (name.equals("taken")) {
            throw MizanException.invalid("name", "is taken");
        }
        names.put(userId, name);
        return new Profile(userId, name);
    }

    /** Signs out, and goes on when the audit log refuses the entry. */
    @Client(affects = "currentUser")
    public void signOut(long userId) {
        try {
            audit.recordStrictly("sign-out " + userId);
        } catch (MizanException refused) {
            // signing out does not depend on the audit log
        }
    }

    /** Says by hand what it changes. */
    @Client
    public void touch(long userId) {
        invalidator.invalidate("userProfile", Map.of("userId", userId));
    }

    /** Changes a profile, then fails: nothing it changed counts. */
    @Client
    public void touchThenFail(long userId) {
        invalidator.invalidate("userProfile", Map.of("userId", userId));
        audit.record("touch " + userId);
        throw new IllegalStateException("the store is down");
    }

    /** Its result breaks the model (a non-null String), so the call is answered 500. */
    @Client(affects = "currentUser")
    public String forget() {
        return null;
    }

    /** How many times a rename ran to its end. */
    public int renamed() {
        return names.size();
    }
}
