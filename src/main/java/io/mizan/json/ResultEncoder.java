package io.mizan.json;

import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.model.TypeRef;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.spi.JsonProvider;

import java.lang.reflect.Type;

/**
 * Writes results as JSON, plain records itself ({@link DirectWriter}) and the rest with JSON-B, and
 * holds them to the model on the way: a {@code null} where
 * the model (and so the generated TypeScript) says there is never one is a server bug, refused with
 * {@link ResultViolation} naming the path ({@code weekly.result.title}), never sent to the browser.
 */
public final class ResultEncoder implements AutoCloseable {

    private final Model model;
    private final Jsonb jsonb;
    private final DirectWriter records = new DirectWriter();

    public ResultEncoder(Model model) {
        this.model = model;
        // nulls are written, so that a TypeScript `T | null` property is always present
        this.jsonb = JsonbBuilder.newBuilder()
                .withConfig(new JsonbConfig()
                        .withNullValues(true)
                        .withPropertyVisibilityStrategy(new RecordComponentsVisible()))
                .withProvider(new CheckingJsonProvider(JsonProvider.provider()))
                .build();
    }

    /** The JSON-B instance, also used to read arguments. */
    public Jsonb jsonb() {
        return jsonb;
    }

    /**
     * A function's result as JSON text ({@code null} for a void function).
     *
     * @throws ResultViolation when the result holds a null the model rules out
     */
    public String encode(FunctionModel function, Object result) {
        TypeRef type = function.result();
        if (type == null || type instanceof TypeRef.Void) {
            return "null";
        }
        return encode(type, function.resultType(), function.where(), function.name() + ".result", result);
    }

    /**
     * Any value as JSON text, held to its model type: a channel's message, for instance.
     *
     * @param where what declares the type, for the log ({@code com.example.ChatChannel})
     * @param path how the value is named in a violation ({@code chat.message})
     * @throws ResultViolation when the value holds a null the type rules out
     */
    public String encode(TypeRef type, Type javaType, String where, String path, Object value) {
        if (value == null) {
            if (type instanceof TypeRef.Nullable || type instanceof TypeRef.Json) {
                return "null";
            }
            throw new ResultViolation(where, path);
        }
        NullCheck check = new NullCheck(model, type, path);
        DirectWriter.Write direct = records.plan(javaType);
        if (direct != null) {
            StringBuilder out = new StringBuilder(128);
            direct.write(value, null, out, check);
            if (check.violation() != null) {
                throw new ResultViolation(where, check.violation());
            }
            return out.toString();
        }
        String json;
        try (AutoCloseable scope = CheckingJsonProvider.checking(check)) {
            json = jsonb.toJson(value, javaType);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // closing the scope throws nothing
        }
        if (check.violation() != null) {
            throw new ResultViolation(where, check.violation());
        }
        // JSON-P writes a lone surrogate as it is, which no UTF-8 encoder can send on
        return DirectWriter.escapeLoneSurrogates(json);
    }

    @Override
    public void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // nothing is left to release at shutdown
        }
    }
}
