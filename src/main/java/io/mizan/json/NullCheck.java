package io.mizan.json;

import io.mizan.model.Model;
import io.mizan.model.PropertyModel;
import io.mizan.model.TypeDef;
import io.mizan.model.TypeRef;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows a result's JSON as it is written, event by event, against the type the model says it has,
 * and remembers the first {@code null} (or left-out property) where the type says there is never one.
 * It checks while the result is encoded, so a result is walked once.
 */
final class NullCheck {

    private enum Kind {
        OBJECT,
        MAP,
        ARRAY,
        ANY
    }

    /**
     * One open object or array, with what its members must be. Its path is not built as it opens:
     * only a violation needs one, so a level knows its parent and its place there instead. A level is
     * used again for the next object or array at its depth, so a long list of records costs no more
     * levels than its depth.
     */
    private static final class Level {
        Kind kind;
        Level parent;
        String key;
        int position;
        TypeDef.ObjectDef def;
        Map<String, TypeRef> bindings;
        TypeRef element;
        boolean[] written;
        int index;
        int next; // the property after the last one written: where the next one usually is

        void open(
                Kind kind,
                Level parent,
                String key,
                int position,
                TypeDef.ObjectDef def,
                Map<String, TypeRef> bindings,
                TypeRef element) {
            this.kind = kind;
            this.parent = parent;
            this.key = key;
            this.position = position;
            this.def = def;
            this.bindings = bindings;
            this.element = element;
            this.index = 0;
            this.next = 0;
            if (def != null) {
                int properties = def.properties().size();
                if (written == null || written.length < properties) {
                    written = new boolean[properties];
                } else {
                    Arrays.fill(written, 0, properties, false);
                }
            }
        }
    }

    private final Model model;
    private final TypeRef root;
    private final String rootPath;
    private Level[] levels = new Level[8];
    private int depth;
    private String violation;

    /**
     * @param root the result's type
     * @param rootPath how the result is named in a message: {@code weekly.result}
     */
    NullCheck(Model model, TypeRef root, String rootPath) {
        this.model = model;
        this.root = root;
        this.rootPath = rootPath;
    }

    /** The path of the first null where none may be, or {@code null}. */
    String violation() {
        return violation;
    }

    /** A scalar or null value, under {@code key} when inside an object. */
    void value(String key, boolean isNull) {
        Level parent = depth == 0 ? null : levels[depth - 1];
        int member = member(parent, key);
        int position = positionIn(parent);
        // a value that is there needs no type: most values are, so most are not looked up
        if (isNull && violation == null && neverNull(expected(parent, member))) {
            violation = path(parent, key, position);
        }
    }

    /** An object or array starts, under {@code key} when inside an object. */
    void start(String key, boolean array) {
        Level parent = depth == 0 ? null : levels[depth - 1];
        TypeRef type = expected(parent, member(parent, key));
        int position = positionIn(parent);
        if (type instanceof TypeRef.Nullable n) {
            type = n.inner();
        }
        Map<String, TypeRef> bindings = parent == null ? Map.of() : parent.bindings;
        type = resolve(type, bindings);
        if (array && type instanceof TypeRef.ListOf list) {
            push().open(Kind.ARRAY, parent, key, position, null, bindings, list.item());
        } else if (!array && type instanceof TypeRef.MapOf map) {
            push().open(Kind.MAP, parent, key, position, null, bindings, map.value());
        } else if (!array
                && type instanceof TypeRef.ObjectRef ref
                && model.types().get(ref.name()) instanceof TypeDef.ObjectDef def) {
            List<String> parameters = def.typeParameters();
            Map<String, TypeRef> inner = parameters.isEmpty() ? Map.of() : new HashMap<>();
            for (int i = 0; i < parameters.size() && i < ref.arguments().size(); i++) {
                inner.put(parameters.get(i), resolve(ref.arguments().get(i), bindings));
            }
            push().open(Kind.OBJECT, parent, key, position, def, inner, null);
        } else {
            push().open(Kind.ANY, parent, key, position, null, Map.of(), null);
        }
    }

    /**
     * The innermost object or array ends. A property the model says is never null must have been
     * written: JSON-B leaves out a null property marked {@code @JsonbProperty} (its nillable is false).
     */
    void end() {
        Level level = levels[--depth];
        if (level.def != null && violation == null) {
            List<PropertyModel> properties = level.def.properties();
            for (int i = 0; i < properties.size(); i++) {
                if (!level.written[i] && neverNull(resolve(properties.get(i).type(), level.bindings))) {
                    violation = path(level.parent, level.key, level.position) + "."
                            + properties.get(i).name();
                    return;
                }
            }
        }
    }

    private Level push() {
        if (depth == levels.length) {
            levels = Arrays.copyOf(levels, depth * 2);
        }
        Level level = levels[depth];
        if (level == null) {
            level = levels[depth] = new Level();
        }
        depth++;
        return level;
    }

    /**
     * Which property of the object {@code parent} {@code key} is, marked as written; -1 when the
     * parent is no object of the model or the model does not know the member.
     */
    private static int member(Level parent, String key) {
        if (parent == null || parent.kind != Kind.OBJECT) {
            return -1;
        }
        List<PropertyModel> properties = parent.def.properties();
        int size = properties.size();
        // the model's order is the order written, so the next property is almost always the one after
        // the last; only when it is not are they searched
        int guess = parent.next;
        if (guess < size && properties.get(guess).name().equals(key)) {
            return written(parent, guess);
        }
        for (int i = 0; i < size; i++) {
            if (properties.get(i).name().equals(key)) {
                return written(parent, i);
            }
        }
        return -1;
    }

    private static int written(Level parent, int member) {
        parent.written[member] = true;
        parent.next = member + 1;
        return member;
    }

    /** The type the model gives a member of {@code parent}: property {@code member} of an object. */
    private TypeRef expected(Level parent, int member) {
        if (parent == null) {
            return root;
        }
        return switch (parent.kind) {
            case OBJECT -> member < 0
                    ? null
                    : resolve(parent.def.properties().get(member).type(), parent.bindings);
            case MAP, ARRAY -> resolve(parent.element, parent.bindings);
            case ANY -> null;
        };
    }

    /** The place of the next member of {@code parent} when it is an array; counted for every member. */
    private static int positionIn(Level parent) {
        return parent != null && parent.kind == Kind.ARRAY ? parent.index++ : -1;
    }

    /** The path of the member at {@code key} or {@code position} of {@code parent}: {@code page.result.items[1]}. */
    private String path(Level parent, String key, int position) {
        if (parent == null) {
            return rootPath;
        }
        String base = path(parent.parent, parent.key, parent.position);
        return switch (parent.kind) {
            case OBJECT -> base + "." + key;
            case MAP -> base + "[" + key + "]";
            case ARRAY -> base + "[" + position + "]";
            case ANY -> base;
        };
    }

    private static TypeRef resolve(TypeRef type, Map<String, TypeRef> bindings) {
        if (type instanceof TypeRef.TypeVar v) {
            return bindings.get(v.name());
        }
        if (type instanceof TypeRef.Nullable n && n.inner() instanceof TypeRef.TypeVar v) {
            TypeRef bound = bindings.get(v.name());
            return bound == null ? null : new TypeRef.Nullable(bound);
        }
        return type;
    }

    private static boolean neverNull(TypeRef type) {
        return type != null
                && !(type instanceof TypeRef.Nullable)
                && !(type instanceof TypeRef.Json)
                && !(type instanceof TypeRef.Void)
                && !(type instanceof TypeRef.TypeVar);
    }
}
