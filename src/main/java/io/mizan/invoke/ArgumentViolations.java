package io.mizan.invoke;

import io.mizan.FieldError;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.model.ParamModel;
import io.mizan.model.PropertyModel;
import io.mizan.model.TypeDef;
import io.mizan.model.TypeRef;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns Bean Validation violations of a call's arguments into field errors whose paths use the names
 * the wire uses: the parameter's name, then each property's JSON name ({@code @JsonbProperty}), so
 * that a 422's paths match the 400's, the TypeScript types and the client's {@code fieldError(path)}.
 */
final class ArgumentViolations {

    private ArgumentViolations() {}

    static List<FieldError> toFieldErrors(
            Model model, FunctionModel function, Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new FieldError(path(model, function, v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::path).thenComparing(FieldError::message))
                .toList();
    }

    /**
     * {@code rename.name} becomes {@code name}; {@code save.order.items[2].postalCode} becomes
     * {@code order.items[2].postal_code} when {@code postalCode} is written {@code postal_code}.
     */
    static String path(Model model, FunctionModel function, Path path) {
        return path(model, function, null, null, path);
    }

    /** Field errors of a whole value (a channel's parameters or message) validated on its own. */
    static List<FieldError> ofValue(
            Model model, String root, TypeRef rootType, Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new FieldError(path(model, null, root, rootType, v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::path).thenComparing(FieldError::message))
                .toList();
    }

    /** A path from a function's parameter, or from a root value named {@code root} of type {@code rootType}. */
    private static String path(Model model, FunctionModel function, String root, TypeRef rootType, Path path) {
        StringBuilder out = new StringBuilder(root == null ? "" : root);
        TypeRef type = rootType;
        Map<String, TypeRef> bindings = Map.of();
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD
                    || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.CROSS_PARAMETER
                    || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER && function != null) {
                out.append(node.getName());
                type = function.params().stream()
                        .filter(p -> p.name().equals(node.getName()))
                        .findFirst()
                        .map(ParamModel::type)
                        .orElse(null);
                continue;
            }
            if (node.isInIterable()) {
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                out.append('[').append(at == null ? "" : at).append(']');
                type = element(type, bindings);
            }
            if (kind == ElementKind.CONTAINER_ELEMENT || kind == ElementKind.BEAN || node.getName() == null) {
                continue;
            }
            String name = node.getName();
            TypeRef owner = unwrap(type, bindings);
            type = null;
            if (owner instanceof TypeRef.ObjectRef ref
                    && model.types().get(ref.name()) instanceof TypeDef.ObjectDef def) {
                Map<String, TypeRef> inner = new HashMap<>();
                for (int i = 0;
                        i < def.typeParameters().size() && i < ref.arguments().size();
                        i++) {
                    inner.put(
                            def.typeParameters().get(i), unwrap(ref.arguments().get(i), bindings));
                }
                for (PropertyModel p : def.properties()) {
                    if (p.javaName().equals(name)) {
                        name = p.name();
                        type = p.type();
                        break;
                    }
                }
                bindings = inner;
            }
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(name);
        }
        return out.toString();
    }

    private static TypeRef element(TypeRef type, Map<String, TypeRef> bindings) {
        TypeRef t = unwrap(type, bindings);
        if (t instanceof TypeRef.ListOf list) {
            return list.item();
        }
        if (t instanceof TypeRef.MapOf map) {
            return map.value();
        }
        return null;
    }

    private static TypeRef unwrap(TypeRef type, Map<String, TypeRef> bindings) {
        TypeRef t = type instanceof TypeRef.Nullable n ? n.inner() : type;
        if (t instanceof TypeRef.TypeVar v) {
            t = bindings.get(v.name());
            t = t instanceof TypeRef.Nullable n ? n.inner() : t;
        }
        return t;
    }
}
