package io.mizan.model;

import io.mizan.model.TypeMapper.UnsupportedTypeException;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The named types (records, classes, enums) met while mapping, each with its name and its
 * definition, in the order met.
 */
final class NamedTypes {

    /** Describes a type; may map further types, and so meet the one being defined again. */
    interface Definition {
        TypeDef get() throws UnsupportedTypeException;
    }

    private final Map<Class<?>, TypeDef> defs = new LinkedHashMap<>();
    private final Map<String, Class<?>> classes = new LinkedHashMap<>();
    private final Map<Class<?>, String> names = new LinkedHashMap<>();
    private final Set<Class<?>> inProgress = new HashSet<>();

    /** Every type to be named, when known beforehand; {@code null} when types are named as they are met. */
    private final Set<Class<?>> known;

    /** Every type met, named or refused. */
    private final Set<Class<?>> met = new LinkedHashSet<>();

    /** Whether a name given depended on which of two types was met first. */
    private boolean orderDependent;

    /** Names types as they are met. */
    NamedTypes() {
        this(null);
    }

    /** Names types knowing all of them beforehand, so that no name depends on the order they are met in. */
    NamedTypes(Set<Class<?>> known) {
        this.known = known == null ? null : Set.copyOf(known);
    }

    /** Every type met so far. */
    Set<Class<?>> met() {
        return Set.copyOf(met);
    }

    /** Whether a name given so far depended on the order the types were met in: the types should be named again. */
    boolean orderDependent() {
        return orderDependent;
    }

    Collection<TypeDef> definitions() {
        return List.copyOf(defs.values());
    }

    /**
     * Names the class, then defines it, unless it is defined already or being defined: a type that
     * refers to itself is defined once.
     */
    void define(Class<?> c, Definition definition) throws UnsupportedTypeException {
        if (defs.containsKey(c) || !inProgress.add(c)) {
            return;
        }
        try {
            nameOf(c);
            defs.put(c, definition.get());
        } finally {
            inProgress.remove(c);
        }
    }

    /**
     * The name a type has in the schema and in TypeScript: its simple name, as a hand-written client
     * would call it. A nested type whose simple name another type shares is named with its outer
     * class ({@code OrdersView}), whichever is met first; a clash that remains is refused.
     */
    String nameOf(Class<?> c) throws UnsupportedTypeException {
        String given = names.get(c);
        if (given != null) {
            return given;
        }
        met.add(c);
        String name = c.getSimpleName();
        if (c.getEnclosingClass() != null && (known != null ? sharesSimpleName(c) : classes.containsKey(name))) {
            name = c.getEnclosingClass().getSimpleName() + c.getSimpleName();
            orderDependent |= known == null; // the type met first kept the simple name
        }
        Class<?> other = classes.get(name);
        if (other != null && known == null && other.getEnclosingClass() != null) {
            orderDependent = true; // named again knowing both, the nested one gives way
        }
        if (other != null) {
            throw new UnsupportedTypeException("the types " + other.getName() + " and " + c.getName()
                    + " would both be called " + name + " in TypeScript; rename one");
        }
        classes.put(name, c);
        names.put(c, name);
        return name;
    }

    private boolean sharesSimpleName(Class<?> c) {
        return known.stream().anyMatch(k -> k != c && k.getSimpleName().equals(c.getSimpleName()));
    }
}
