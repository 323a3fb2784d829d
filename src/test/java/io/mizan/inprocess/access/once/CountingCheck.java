package io.mizan.inprocess.access.once;

import io.mizan.AccessCheck;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.Principal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Lets everyone in, and remembers each time it was asked: for which function, about whom. */
@ApplicationScoped
public class CountingCheck implements AccessCheck {

    private final List<String> asked = new CopyOnWriteArrayList<>();

    @Override
    public boolean permits(String function, Principal caller) {
        asked.add(function + " by " + (caller == null ? "nobody" : caller.getName()));
        return true;
    }

    /** Every question so far, as {@code "place by ann"}. */
    public List<String> asked() {
        return List.copyOf(asked);
    }
}
