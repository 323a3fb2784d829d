package io.mizan.inprocess.invalidation.observer;

import io.mizan.Client;
import io.mizan.Invalidated;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;

/** Notes, and an edge-cache purge that is down. */
@ApplicationScoped
public class Notes {

    private final List<String> notes = new ArrayList<>();

    @Client(context = Scope.GLOBAL)
    public List<String> notes() {
        return List.copyOf(notes);
    }

    @Client(affects = "notes")
    public int add(String text) {
        notes.add(text);
        return notes.size();
    }

    @ApplicationScoped
    public static class Purge {
        void purge(@Observes Invalidated event) {
            throw new IllegalStateException("the CDN did not answer");
        }
    }
}
