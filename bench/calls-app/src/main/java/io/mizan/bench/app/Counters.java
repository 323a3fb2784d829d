package io.mizan.bench.app;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** The state both endpoints change: counters by name. Not a Mizan bean. */
@ApplicationScoped
public class Counters {

    private final ConcurrentMap<String, AtomicLong> counts = new ConcurrentHashMap<>();

    public Counter get(String name) {
        AtomicLong c = counts.get(name);
        return new Counter(name, c == null ? 0 : c.get());
    }

    public Counter increment(String name) {
        return new Counter(name, counts.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet());
    }
}
