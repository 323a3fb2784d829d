package io.mizan.json;

import io.mizan.model.Model;
import io.mizan.model.PropertyModel;
import io.mizan.model.TypeDef;
import io.mizan.model.TypeRef;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a value of the request's checked JSON tree as a Java value without writing it back to text
 * for JSON-B to parse again: the body is parsed once.
 *
 * <ul>
 *   <li>a plain record, and lists, sets and maps of them, are built by {@link DirectReader};
 *   <li>a string, a whole number or a boolean read as {@code String}, {@code int}, {@code long},
 *       {@code boolean} (or their boxes) is taken from the tree as it is: JSON-B would read the same;
 *   <li>an object or an array is handed to JSON-B as a parser over the tree, through the entry point
 *       Yasson (the JSON-B of Payara and WildFly) offers for it, {@code fromJson(JsonParser, Type)};
 *   <li>anything else, and everything on a JSON-B without that entry point, goes through text as
 *       before. So does a type holding a {@code JsonValue} anywhere: a tree parser's
 *       {@code getValue()} is where its implementations differ.
 * </ul>
 */
final class TreeReader {

    private final Model model;
    private final Jsonb jsonb;
    /** Yasson's {@code fromJson(JsonParser, Type)} on {@link #jsonb}, or {@code null}. */
    private final MethodHandle fromParser;

    private final DirectReader records = new DirectReader();
    private final JsonParserFactory parsers = StrictJson.PROVIDER.createParserFactory(Map.of());
    private final Map<TypeRef, Boolean> treeReadable = new ConcurrentHashMap<>();

    TreeReader(Model model, Jsonb jsonb) {
        this.model = model;
        this.jsonb = jsonb;
        this.fromParser = fromParser(jsonb);
    }

    private static MethodHandle fromParser(Jsonb jsonb) {
        try {
            return MethodHandles.publicLookup()
                    .findVirtual(
                            jsonb.getClass(),
                            "fromJson",
                            MethodType.methodType(Object.class, JsonParser.class, Type.class))
                    .bindTo(jsonb);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }

    /** Whether structures are read from the tree (not through text) on this JSON-B. */
    boolean readsStructures() {
        return fromParser != null;
    }

    /**
     * The value as {@code javaType}, whose JSON shape has been checked against {@code type} already.
     *
     * @throws RuntimeException what JSON-B throws for a value it cannot read
     */
    Object read(TypeRef type, Type javaType, JsonValue value) {
        Object scalar = scalar(javaType, value);
        if (scalar != null) {
            return scalar;
        }
        DirectReader.Read direct = value instanceof JsonStructure ? records.plan(javaType) : null;
        if (direct != null) {
            try {
                return direct.from(value);
            } catch (ClassCastException e) {
                // a value of another kind than the type reads: JSON-B gives its own answer below
            } catch (RuntimeException | Error e) {
                if (e != DirectReader.ELSEWHERE) {
                    throw e;
                }
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
        if (fromParser != null && value instanceof JsonStructure structure && readable(type)) {
            try (JsonParser parser = structure instanceof JsonObject o
                    ? parsers.createParser(o)
                    : parsers.createParser((JsonArray) structure)) {
                return fromParser.invoke(parser, javaType);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
        return jsonb.fromJson(value.toString(), javaType);
    }

    /** The common scalars, as JSON-B reads them; {@code null} for any other. */
    private static Object scalar(Type javaType, JsonValue value) {
        if (javaType == String.class && value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonNumber n && n.isIntegral()) {
            if (javaType == int.class || javaType == Integer.class) {
                return n.intValueExact();
            }
            if (javaType == long.class || javaType == Long.class) {
                return n.longValueExact();
            }
        }
        if (javaType == boolean.class || javaType == Boolean.class) {
            JsonValue.ValueType kind = value.getValueType();
            return kind == JsonValue.ValueType.TRUE
                    ? Boolean.TRUE
                    : kind == JsonValue.ValueType.FALSE ? Boolean.FALSE : null;
        }
        return null;
    }

    /** Whether a structure of this type is read from the tree: it holds no {@code JsonValue}. */
    boolean readable(TypeRef type) {
        Boolean known = treeReadable.get(type);
        if (known == null) {
            known = !holdsJson(type, new HashSet<>());
            treeReadable.put(type, known);
        }
        return known;
    }

    private boolean holdsJson(TypeRef type, Set<String> seen) {
        if (type instanceof TypeRef.Json) {
            return true;
        }
        if (type instanceof TypeRef.Nullable n) {
            return holdsJson(n.inner(), seen);
        }
        if (type instanceof TypeRef.ListOf list) {
            return holdsJson(list.item(), seen);
        }
        if (type instanceof TypeRef.MapOf map) {
            return holdsJson(map.value(), seen);
        }
        if (type instanceof TypeRef.ObjectRef ref) {
            if (ref.arguments().stream().anyMatch(a -> holdsJson(a, seen))) {
                return true;
            }
            if (seen.add(ref.name()) && model.types().get(ref.name()) instanceof TypeDef.ObjectDef def) {
                for (PropertyModel property : def.properties()) {
                    if (holdsJson(property.type(), seen)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
