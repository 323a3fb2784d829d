package io.mizan.json;

import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.model.TypeRef;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.spi.JsonProvider;

/**
 * Writes results as JSON with JSON-B, and holds them to the model on the way: a {@code null} where
 * the model (and so the generated TypeScript) says there is never one is a server bug, refused with
 * {@link ResultViolation} naming the path ({@code weekly.result.title}), never sent to the browser.
 */
public final class ResultEncoder implements AutoCloseable {

    private final Model model;
    private final Jsonb jsonb;

    public ResultEncoder(Model model) {
        this.model = model;
        // nulls are written, so that a TypeScript `T | null` property is always present
        this.jsonb = JsonbBuilder.newBuilder()
                .withConfig(new JsonbConfig().withNullValues(true))
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
        String path = function.name() + ".result";
        if (result == null) {
            if (type instanceof TypeRef.Nullable || type instanceof TypeRef.Json) {
                return "null";
            }
            throw new ResultViolation(function, path);
        }
        NullCheck check = new NullCheck(model, type, path);
        String json;
        try (AutoCloseable scope = CheckingJsonProvider.checking(check)) {
            json = jsonb.toJson(result, function.method().getGenericReturnType());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // closing the scope throws nothing
        }
        if (check.violation() != null) {
            throw new ResultViolation(function, check.violation());
        }
        return json;
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
