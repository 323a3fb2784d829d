package io.mizan.model;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The properties JSON-B sees in a class: a record's components, else public fields and getters. */
final class JsonbProperties {

    /**
     * One property, before its type is mapped.
     *
     * @param javaName the Java property name
     * @param type its generic Java type
     * @param field the field behind it, if any (a record component's, or a getter's namesake)
     * @param getter its accessor or getter, if any
     */
    record Property(String javaName, Type type, Field field, Method getter) {

        /** The JSON name: {@code @JsonbProperty} on the getter, else on the field, else the Java name. */
        String name() {
            String name = javaName;
            for (AnnotatedElement el : new AnnotatedElement[] {field, getter}) {
                if (el != null && el.isAnnotationPresent(JsonbProperty.class)) {
                    String value = el.getAnnotation(JsonbProperty.class).value();
                    if (!value.isEmpty()) {
                        name = value;
                    }
                }
            }
            return name;
        }

        /** The annotations on the field, its type use and the getter: they say nullability and constraints. */
        /** The property's type with its type-use annotations: the field's, else the getter's. */
        AnnotatedType annotatedType() {
            return field != null ? field.getAnnotatedType() : getter.getAnnotatedReturnType();
        }

        List<Annotation> annotations() {
            List<Annotation> annotations = new ArrayList<>();
            if (field != null) {
                annotations.addAll(Arrays.asList(field.getAnnotations()));
                annotations.addAll(Arrays.asList(field.getAnnotatedType().getAnnotations()));
            }
            if (getter != null) {
                annotations.addAll(Arrays.asList(getter.getAnnotations()));
            }
            return annotations;
        }
    }

    private JsonbProperties() {}

    /** The class's properties in the order JSON-B meets them, without the {@code @JsonbTransient} ones. */
    static List<Property> of(Class<?> c) {
        List<Property> props = new ArrayList<>();
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                Field field = declaredField(c, rc.getName());
                if (!isTransient(field, rc.getAccessor())) {
                    props.add(new Property(rc.getName(), rc.getGenericType(), field, rc.getAccessor()));
                }
            }
            return props;
        }
        Map<String, Type> types = new LinkedHashMap<>();
        Map<String, Field> fields = new LinkedHashMap<>();
        Map<String, Method> getters = new LinkedHashMap<>();
        for (Field f : c.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers())) {
                types.put(f.getName(), f.getGenericType());
                fields.put(f.getName(), f);
            }
        }
        for (Method m : c.getMethods()) {
            String property = getterProperty(m);
            if (property != null) {
                types.putIfAbsent(property, m.getGenericReturnType());
                getters.put(property, m);
                fields.putIfAbsent(property, declaredField(c, property));
            }
        }
        for (Map.Entry<String, Type> e : types.entrySet()) {
            Field field = fields.get(e.getKey());
            Method getter = getters.get(e.getKey());
            if (!isTransient(field, getter)) {
                props.add(new Property(e.getKey(), e.getValue(), field, getter));
            }
        }
        return props;
    }

    private static boolean isTransient(Field field, Method getter) {
        return (field != null && field.isAnnotationPresent(JsonbTransient.class))
                || (getter != null && getter.isAnnotationPresent(JsonbTransient.class));
    }

    private static String getterProperty(Method m) {
        if (Modifier.isStatic(m.getModifiers())
                || m.getParameterCount() != 0
                || m.getDeclaringClass() == Object.class
                || m.isBridge()
                || m.isSynthetic()) {
            return null;
        }
        String n = m.getName();
        if (n.startsWith("get") && n.length() > 3 && m.getReturnType() != void.class) {
            return decapitalize(n.substring(3));
        }
        if (n.startsWith("is")
                && n.length() > 2
                && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
            return decapitalize(n.substring(2));
        }
        return null;
    }

    private static String decapitalize(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(1)) && Character.isUpperCase(s.charAt(0))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static Field declaredField(Class<?> c, String name) {
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            try {
                return k.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }
}
