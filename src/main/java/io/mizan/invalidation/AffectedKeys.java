package io.mizan.invalidation;

import io.mizan.model.FunctionModel;
import io.mizan.model.ParamModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The keys a successful call of a function produces from its {@code affects} and its arguments. */
public final class AffectedKeys {

    private AffectedKeys() {}

    /**
     * One key per affected context: scoped to the values of the parameters it shares with the context
     * (auto-scoping), or the whole context when it shares none or one of those values is null.
     */
    public static List<String> of(FunctionModel function, Object[] args) {
        if (function.affects().isEmpty()) {
            return List.of();
        }
        Map<String, String> values = keyValues(function, args);
        List<String> keys = new ArrayList<>(function.affects().size());
        for (String context : function.affects()) {
            List<String> scoping = function.scopedBy().getOrDefault(context, List.of());
            Map<String, String> params = new LinkedHashMap<>();
            for (String name : scoping) {
                String value = values.get(name);
                if (value == null) {
                    params.clear();
                    break;
                }
                params.put(name, value);
            }
            keys.add(InvalidationKeys.format(context, params));
        }
        return keys;
    }

    /**
     * The values a call's arguments give the parameters that keys are scoped by (arguments and JAX-RS
     * parameters), as keys write them, by key name; a parameter without a value (null, an empty
     * {@code Optional}) is left out. For a mutation's keys and for the cache tags of a context read alike.
     */
    static Map<String, String> keyValues(FunctionModel function, Object[] args) {
        Map<String, String> values = new java.util.TreeMap<>();
        for (ParamModel p : function.params()) {
            if (p.source() == ParamModel.Source.ARGUMENT || p.source() == ParamModel.Source.JAX_RS) {
                String text = InvalidationKeys.text(args[p.index()]);
                if (text != null) {
                    values.put(p.keyName(), text);
                }
            }
        }
        return values;
    }
}
