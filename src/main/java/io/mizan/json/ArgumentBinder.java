package io.mizan.json;

import io.mizan.MizanException;
import io.mizan.messages.Messages;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.model.ParamModel;
import io.mizan.model.TypeRef;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns a call's JSON object into the method's arguments, by parameter name. Checks the JSON shape
 * of each argument against its type before JSON-B sees it, so that a wrong type is a 400 naming the
 * argument rather than a lenient conversion or a parser message.
 */
public final class ArgumentBinder {

    /** Supplies the values of injected parameters. */
    public interface Injections {
        Object value(ParamModel.Source source);
    }

    private final JsonShapeCheck shapes;
    private final TreeReader tree;

    public ArgumentBinder(Model model, Jsonb jsonb) {
        this.shapes = new JsonShapeCheck(model);
        this.tree = new TreeReader(model, jsonb);
    }

    /** The method's arguments, in order. */
    public Object[] bind(FunctionModel function, JsonObject body, Injections injections) {
        for (String key : body.keySet()) {
            if (function.argument(key) == null) {
                List<String> names =
                        function.arguments().stream().map(ParamModel::name).toList();
                TreeSet<String> unknown = new TreeSet<>(body.keySet());
                names.forEach(unknown::remove);
                throw Messages.unknownArguments(function.name(), unknown, names);
            }
        }
        Object[] args = new Object[function.params().size()];
        List<String> missing = new ArrayList<>();
        for (ParamModel p : function.params()) {
            if (p.source() != ParamModel.Source.ARGUMENT) {
                args[p.index()] = injections.value(p.source());
                continue;
            }
            JsonValue value = body.get(p.name());
            if (value == null && !p.nullable()) {
                missing.add(p.name());
                continue;
            }
            args[p.index()] = read(p, value);
        }
        if (!missing.isEmpty()) {
            throw Messages.missingArguments(function.name(), missing);
        }
        return args;
    }

    private Object read(ParamModel p, JsonValue value) {
        return read(p.name(), p.type(), p.javaType(), value);
    }

    /**
     * Reads one JSON value as a Java value of the given type, checking its shape first, so that a
     * wrong value is a 400 naming its path (from {@code name}) rather than a lenient conversion. Used
     * for arguments, and for channel parameters and messages.
     *
     * @param name how the value is named in errors ({@code "name"}, {@code "params"})
     * @param type its JSON type; {@link TypeRef.Nullable} when it may be null or absent
     * @param javaType its Java type
     * @param value the value, or {@code null} when absent
     */
    public Object read(String name, TypeRef type, Type javaType, JsonValue value) {
        boolean optional = javaType instanceof ParameterizedType pt && pt.getRawType() == Optional.class;
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (!(type instanceof TypeRef.Nullable)) {
                throw Messages.argumentNull(name);
            }
            return optional ? Optional.empty() : defaultOf(javaType);
        }
        TypeRef inner = type instanceof TypeRef.Nullable n ? n.inner() : type;
        MizanException error = shapes.error(inner, value, name);
        if (error != null) {
            throw error;
        }
        try {
            return tree.read(inner, javaType, value);
        } catch (RuntimeException e) {
            MizanException located = shapes.error(inner, value, name, this::reads);
            if (located != null) {
                throw located;
            }
            boolean structured = inner instanceof TypeRef.ObjectRef
                    || inner instanceof TypeRef.MapOf
                    || inner instanceof TypeRef.ListOf;
            throw Messages.argumentWrongType(
                    name, JsonShapeCheck.describe(inner) + (structured ? " of the expected shape" : ""));
        }
    }

    /** Whether one string reads as its Java type: only asked when a whole value failed to. */
    private boolean reads(TypeRef.Scalar type, JsonValue value) {
        try {
            tree.read(type, type.javaType(), value);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Object defaultOf(Type type) {
        if (type == java.util.OptionalInt.class) {
            return java.util.OptionalInt.empty();
        }
        if (type == java.util.OptionalLong.class) {
            return java.util.OptionalLong.empty();
        }
        if (type == java.util.OptionalDouble.class) {
            return java.util.OptionalDouble.empty();
        }
        return null;
    }
}
