package io.mizan.model;

import jakarta.validation.Constraint;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads what the model needs from annotations: nullability and Bean Validation constraints. */
final class Annotations {

    private static final Set<String> SKIPPED_ATTRIBUTES = Set.of("groups", "payload");

    private Annotations() {
    }

    /** Any annotation called {@code Nullable}, from whichever package, marks a value that may be null. */
    static boolean nullable(Collection<Annotation> annotations) {
        return annotations.stream().anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
    }

    /**
     * The constraints among these annotations, each once: a record component's constraint is seen on
     * its field, its accessor and its type.
     */
    static List<ConstraintModel> constraints(Collection<Annotation> annotations) {
        List<ConstraintModel> constraints = new ArrayList<>();
        for (Annotation a : annotations) {
            collect(a, constraints);
        }
        return constraints.stream().distinct().toList();
    }

    private static void collect(Annotation a, List<ConstraintModel> out) {
        Class<? extends Annotation> type = a.annotationType();
        if (type.isAnnotationPresent(Constraint.class)) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            for (Method m : type.getDeclaredMethods()) {
                if (!SKIPPED_ATTRIBUTES.contains(m.getName()) && m.getParameterCount() == 0) {
                    try {
                        Object value = m.invoke(a);
                        if (value instanceof Enum<?> e) {
                            value = e.name();
                        } else if (value instanceof Object[] array) {
                            value = List.of(array).stream().map(String::valueOf).toList();
                        }
                        // a message template ({jakarta.validation...}) is the validator's to resolve; a plain one is kept
                        boolean template = m.getName().equals("message") && String.valueOf(value).startsWith("{");
                        if (value != null && !template) {
                            attributes.put(m.getName(), value);
                        }
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        // an attribute we cannot read is left out; the server still validates it
                    }
                }
            }
            out.add(new ConstraintModel(type.getSimpleName(), type.getName(), attributes));
            return;
        }
        // a repeated constraint (@Pattern.List) holds its constraints in value()
        try {
            Method value = type.getDeclaredMethod("value");
            if (value.getReturnType().isArray()
                    && value.getReturnType().getComponentType().isAnnotationPresent(Constraint.class)) {
                for (Object inner : (Object[]) value.invoke(a)) {
                    collect((Annotation) inner, out);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not a container of constraints
        }
    }
}
