package io.mizan.inprocess.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the instances of each bean class that were created and destroyed. */
@ApplicationScoped
public class Lifecycles {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    void created(Object bean) {
        count(bean, "created");
    }

    void destroyed(Object bean) {
        count(bean, "destroyed");
    }

    private void count(Object bean, String what) {
        counts.computeIfAbsent(name(bean.getClass()) + " " + what, k -> new AtomicInteger())
                .incrementAndGet();
    }

    /** How many of this class were created, or destroyed ({@code what}). */
    public int count(Class<?> type, String what) {
        AtomicInteger n = counts.get(type.getSimpleName() + " " + what);
        return n == null ? 0 : n.get();
    }

    // the container may hand over a subclass of its own
    private static String name(Class<?> type) {
        Class<?> c = type;
        while (c.isSynthetic() || c.getName().contains("$$")) {
            c = c.getSuperclass();
        }
        return c.getSimpleName();
    }
}
