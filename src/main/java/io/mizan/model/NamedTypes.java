package io.mizan.model;

import io.mizan.model.TypeMapper.UnsupportedTypeException;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
     * would call it. A nested type whose simple name is taken by another type is named with its outer
     * class ({@code OrdersView}); a clash that remains is refused.
     */
    String nameOf(Class<?> c) throws UnsupportedTypeException {
        String known = names.get(c);
        if (known != null) {
            return known;
        }
        String name = c.getSimpleName();
        if (classes.containsKey(name) && c.getEnclosingClass() != null) {
            name = c.getEnclosingClass().getSimpleName() + c.getSimpleName();
        }
        Class<?> other = classes.get(name);
        if (other != null) {
            throw new UnsupportedTypeException("the types " + other.getName() + " and " + c.getName()
                    + " would both be called " + name + " in TypeScript; rename one");
        }
        classes.put(name, c);
        names.put(c, name);
        return name;
    }
}
