package io.mizan.json;

import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The plans of a direct reader or writer, one per type, made by reflection once and then read
 * without locking. A record that holds itself (a tree node) uses its own plan through a slot that
 * is filled once the plan is made; the plans made for one request are published only when all are
 * filled, so another thread never meets an empty slot.
 *
 * @param <P> a plan: how to read or write one type's values
 */
final class TypePlans<P> {

    /** A plan still being made, for the types inside it that refer back to it. */
    static final class Slot<P> {
        P plan;
    }

    /** Makes a type's plan, or gives {@code null} when the type is left to JSON-B. */
    @FunctionalInterface
    interface Maker<P> {
        P make(Type type);
    }

    /** Finished plans only; {@link #none} for a type JSON-B handles. */
    private final Map<Type, P> plans = new ConcurrentHashMap<>();

    /** The plans being made, and made but not yet published (guarded by this). */
    private final Map<Type, Slot<P>> making = new HashMap<>();

    private int depth; // guarded by this

    private final P none;
    private final Function<Slot<P>, P> through;
    private final Maker<P> maker;

    /**
     * @param none the plan that stands for "left to JSON-B" in the map
     * @param through a plan that runs whatever plan the slot holds when it runs
     * @param maker the reader's or writer's {@code make}, which calls {@link #inner} for the parts
     */
    TypePlans(P none, Function<Slot<P>, P> through, Maker<P> maker) {
        this.none = none;
        this.through = through;
        this.maker = maker;
    }

    /** The plan of a type, or {@code null} when JSON-B handles it. */
    P plan(Type type) {
        P known = plans.get(type);
        if (known == null) {
            synchronized (this) {
                known = planned(type);
            }
        }
        return known == none ? null : known;
    }

    /** The plan of a part of a type being planned (under the lock), or {@code null} for JSON-B's. */
    P inner(Type type) {
        P plan = planned(type);
        return plan == none ? null : plan;
    }

    private P planned(Type type) {
        P known = plans.get(type);
        if (known != null) {
            return known;
        }
        Slot<P> slot = making.get(type);
        if (slot != null) {
            return slot.plan != null ? slot.plan : through.apply(slot);
        }
        Slot<P> own = new Slot<>();
        making.put(type, own);
        depth++;
        P made;
        try {
            made = maker.make(type);
        } catch (RuntimeException e) {
            made = null; // a type reflection cannot take apart is JSON-B's
        } finally {
            depth--;
        }
        own.plan = made == null ? none : made;
        if (depth == 0) {
            for (Map.Entry<Type, Slot<P>> e : making.entrySet()) {
                P plan = e.getValue().plan;
                plans.put(e.getKey(), plan == null ? none : plan);
            }
            making.clear();
        }
        return own.plan;
    }
}
