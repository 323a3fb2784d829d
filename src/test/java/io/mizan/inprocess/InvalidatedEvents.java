package io.mizan.inprocess;

import io.mizan.Invalidated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes {@link Invalidated} like an application purging an edge cache, and keeps every event's keys. */
@ApplicationScoped
public class InvalidatedEvents {

    private final List<List<String>> fired = new CopyOnWriteArrayList<>();

    void observe(@Observes Invalidated event) {
        fired.add(event.keys());
    }

    /** The keys of every event fired so far, in order. */
    public List<List<String>> fired() {
        return List.copyOf(fired);
    }
}
