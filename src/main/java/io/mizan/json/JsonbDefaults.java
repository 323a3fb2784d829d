package io.mizan.json;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;

/**
 * Whether JSON-B would read and write a type by its defaults alone, with no annotation of its own
 * changing names, formats or creators: what {@link DirectReader} and {@link DirectWriter} need
 * before they handle a type without JSON-B.
 */
final class JsonbDefaults {

    private JsonbDefaults() {}

    /** An enum whose constants JSON-B reads and writes by name. */
    static boolean plainEnum(Class<?> c) {
        if (annotated(c) || annotated(c.getPackage())) {
            return false;
        }
        for (Field constant : c.getFields()) {
            if (constant.isEnumConstant() && annotated(constant)) {
                return false; // renamed for JSON-B
            }
        }
        return true;
    }

    /**
     * A record without type parameters whose JSON-B form its components alone decide: no JSON-B
     * annotation on it, its package (a number format applies to its records too), or a component's
     * declaration, accessor or field, where a component's annotations land.
     */
    static boolean plainRecord(Class<?> c) {
        if (c.getTypeParameters().length > 0 || annotated(c) || annotated(c.getPackage())) {
            return false;
        }
        for (RecordComponent component : c.getRecordComponents()) {
            if (annotated(component) || annotated(component.getAccessor()) || annotated(field(c, component))) {
                return false;
            }
        }
        return true;
    }

    /** Whether JSON-B annotations are on this element, or on a parameter of it. */
    static boolean annotated(AnnotatedElement element) {
        if (element == null) {
            return false;
        }
        for (Annotation a : element.getAnnotations()) {
            if (isJsonb(a)) {
                return true;
            }
        }
        if (element instanceof Executable executable) {
            for (Annotation[] parameter : executable.getParameterAnnotations()) {
                for (Annotation a : parameter) {
                    if (isJsonb(a)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isJsonb(Annotation a) {
        return a.annotationType().getName().startsWith("jakarta.json.bind.annotation.");
    }

    private static AnnotatedElement field(Class<?> record, RecordComponent component) {
        try {
            return record.getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            return component; // every record has one; checked already
        }
    }
}
