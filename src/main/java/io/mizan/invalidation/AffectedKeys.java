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
        List<String> keys = new ArrayList<>(function.affects().size());
        for (String context : function.affects()) {
            List<String> scoping = function.scopedBy().getOrDefault(context, List.of());
            Map<String, String> params = new LinkedHashMap<>();
            for (String name : scoping) {
                String value = valueOf(function, name, args);
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
     * The values of all of a context's parameters, as keys write them, by key name; one without a value
     * (null, an empty {@code Optional}) is left out. For its cache tags: a context's parameters are
     * scalars (the deployment checks it), so each can be a key's value. A mutation's other arguments
     * (a record, say) can not, so {@link #of} reads only the ones its keys are scoped by.
     */
    static Map<String, String> keyValues(FunctionModel context, Object[] args) {
        Map<String, String> values = new java.util.TreeMap<>();
        for (ParamModel p : context.params()) {
            String text = keyed(p) ? InvalidationKeys.text(args[p.index()]) : null;
            if (text != null) {
                values.put(p.keyName(), text);
            }
        }
        return values;
    }

    private static String valueOf(FunctionModel function, String keyName, Object[] args) {
        for (ParamModel p : function.params()) {
            if (keyed(p) && p.keyName().equals(keyName)) {
                return InvalidationKeys.text(args[p.index()]);
            }
        }
        return null;
    }

    /** Whether a parameter's value can scope a key: an argument or a JAX-RS parameter, not an injection. */
    private static boolean keyed(ParamModel p) {
        return p.source() == ParamModel.Source.ARGUMENT || p.source() == ParamModel.Source.JAX_RS;
    }
}
