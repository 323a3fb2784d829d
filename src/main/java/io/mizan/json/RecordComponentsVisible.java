package io.mizan.json;

import jakarta.json.bind.config.PropertyVisibilityStrategy;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;

/**
 * JSON-B's default visibility, except that a record's properties are its components alone: JSON-B would also
 * write a record's {@code getTotal()} as {@code "getTotal"} and {@code isFree()} as {@code "isFree"}, properties
 * that no generated type has, and call them on every write.
 */
final class RecordComponentsVisible implements PropertyVisibilityStrategy {

    @Override
    public boolean isVisible(Field field) {
        return Modifier.isPublic(field.getModifiers());
    }

    @Override
    public boolean isVisible(Method method) {
        Class<?> owner = method.getDeclaringClass();
        if (owner.isRecord()) {
            for (RecordComponent component : owner.getRecordComponents()) {
                if (component.getAccessor().equals(method)) {
                    return true;
                }
            }
            return false;
        }
        return Modifier.isPublic(method.getModifiers());
    }
}
