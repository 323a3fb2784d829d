package io.mizan.rpc;

import io.mizan.MizanException;
import io.mizan.json.StrictJson;
import io.mizan.messages.Messages;
import io.mizan.model.FunctionModel;
import io.mizan.model.ParamModel;
import io.mizan.model.TypeRef;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Map;

/**
 * A context read's query parameters ({@code ?board=general&page=2}) as the JSON object of arguments a
 * call would have sent, typed by the context's parameters, so that both bind and fail the same way.
 */
final class QueryArguments {

    private QueryArguments() {}

    static JsonObject of(FunctionModel function, Map<String, List<String>> query) {
        JsonObjectBuilder args = StrictJson.PROVIDER.createObjectBuilder();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (e.getValue().size() > 1) {
                throw Messages.queryParameterRepeated(
                        StrictJson.shorten(e.getKey()), e.getValue().size());
            }
            String text = e.getValue().isEmpty() ? "" : e.getValue().get(0);
            ParamModel param = function.argument(e.getKey());
            args.add(e.getKey(), param == null ? StrictJson.PROVIDER.createValue(text) : value(param, text));
        }
        return args.build();
    }

    private static JsonValue value(ParamModel param, String text) {
        TypeRef type = param.type() instanceof TypeRef.Nullable n ? n.inner() : param.type();
        if (type instanceof TypeRef.Scalar s) {
            switch (s.kind()) {
                case BOOLEAN -> {
                    if (text.equals("true") || text.equals("false")) {
                        return text.equals("true") ? JsonValue.TRUE : JsonValue.FALSE;
                    }
                    throw Messages.queryParameterWrongType(param.name(), "true or false");
                }
                case INTEGER, NUMBER -> {
                    try {
                        return StrictJson.PROVIDER.createValue(StrictJson.number(text));
                    } catch (MizanException e) {
                        throw Messages.queryParameterWrongType(param.name(), "a number");
                    }
                }
                default -> {
                    return StrictJson.PROVIDER.createValue(text);
                }
            }
        }
        return StrictJson.PROVIDER.createValue(text);
    }
}
