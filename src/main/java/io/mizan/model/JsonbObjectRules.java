package io.mizan.model;

import io.mizan.model.TypeMapper.UnsupportedTypeException;
import jakarta.json.bind.annotation.JsonbCreator;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.TypeVariable;

/** What a class must be for JSON-B to write it as a JSON object and, for arguments, create it again. */
final class JsonbObjectRules {

    private JsonbObjectRules() {}

    /**
     * Refuses a class JSON-B cannot handle as an object, with the reason.
     *
     * @param argumentCount how many type arguments the use of the class gives
     * @param input whether values are read from JSON, so JSON-B must create them
     */
    static void check(Class<?> c, int argumentCount, boolean input) throws UnsupportedTypeException {
        if (c == Object.class) {
            throw new UnsupportedTypeException("Object says nothing of the value's shape; use a concrete type"
                    + " (or jakarta.json.JsonValue for free-form JSON)");
        }
        if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
            throw new UnsupportedTypeException(c.getName() + " is " + (c.isInterface() ? "an interface" : "abstract")
                    + ", so JSON-B cannot create it; use a record or a concrete class");
        }
        if (c.isPrimitive()
                || c.getName().startsWith("java.")
                || c.getName().startsWith("javax.")
                || c.getName().startsWith("jakarta.")) {
            throw new UnsupportedTypeException(c.getName() + " is not among the types Mizan describes in TypeScript"
                    + " (scalars, java.time, UUID, BigDecimal, collections, records); send it as a String, or in a record"
                    + " of your own");
        }
        if (c.getTypeParameters().length != argumentCount) {
            throw new UnsupportedTypeException("the generic type " + c.getSimpleName()
                    + " is used without its type arguments; write " + c.getSimpleName() + "<...>");
        }
        if (input && c.isRecord() && argumentCount > 0) {
            for (RecordComponent rc : c.getRecordComponents()) {
                // Yasson resolves List<T> in a record but not a bare T ("Error resolving runtime type")
                if (rc.getGenericType() instanceof TypeVariable<?>) {
                    throw new UnsupportedTypeException("JSON-B (Yasson) cannot read the component '" + rc.getName()
                            + "' of the generic record " + c.getSimpleName() + ", whose type is the bare type variable "
                            + rc.getGenericType().getTypeName() + "; use a generic class with a no-argument"
                            + " constructor, or a concrete type");
                }
            }
        }
        if (input && !c.isRecord() && !hasCreator(c)) {
            throw new UnsupportedTypeException(c.getName() + " has no public no-argument constructor or"
                    + " @JsonbCreator, so JSON-B cannot create it; make it a record or add one");
        }
    }

    private static boolean hasCreator(Class<?> c) {
        if (c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers())) {
            return false;
        }
        for (var ctor : c.getDeclaredConstructors()) {
            if (ctor.isAnnotationPresent(JsonbCreator.class)) {
                return true;
            }
            if (ctor.getParameterCount() == 0 && !Modifier.isPrivate(ctor.getModifiers())) {
                return true;
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.isAnnotationPresent(JsonbCreator.class)) {
                return true;
            }
        }
        return false;
    }
}
