package io.mizan.invalidation;

import io.mizan.model.FunctionModel;
import io.mizan.model.Model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cache tags of a context read: every invalidation key that would invalidate it, written as keys
 * are, so that a CDN purge by the keys of an {@link io.mizan.Invalidated} event purges exactly the
 * reads a browser would refetch. A key {@code notes;board=general} invalidates each read of
 * {@code notes} whose {@code board} is {@code general}, whatever its other parameters, so a read's
 * tags are the context's name and one key per subset of its parameters that have a value:
 *
 * <pre>{@code
 * notes(board = "general")          -> notes notes;board=general
 * search(q = "x", page = 2)         -> search search;page=2 search;q=x search;page=2;q=x
 * }</pre>
 *
 * <p>A read with more than {@value #MAX_SUBSET_PARAMS} parameters would need too many tags; it gets
 * the name and the parameter sets that the {@code affects} of the model's functions scope by.
 */
public final class CacheTags {

    /** The response header Cloudflare reads: tags separated by commas. */
    public static final String CACHE_TAG = "Cache-Tag";

    /** The response header Fastly and others read: tags separated by spaces. */
    public static final String SURROGATE_KEY = "Surrogate-Key";

    static final int MAX_SUBSET_PARAMS = 5;

    private CacheTags() {}

    /** The tags of a read of this context with these arguments (in method order, as bound). */
    public static List<String> of(Model model, FunctionModel context, Object[] args) {
        Map<String, String> values = AffectedKeys.keyValues(context, args); // sorted by name, as keys are
        String name = InvalidationKeys.formatName(context.name());
        if (values.size() <= MAX_SUBSET_PARAMS) {
            // every subset, each key joined from its parts, written once: a read pays no map per tag
            String[] parts = new String[values.size()];
            int n = 0;
            for (Map.Entry<String, String> e : values.entrySet()) {
                parts[n++] = InvalidationKeys.formatParam(e.getKey(), e.getValue());
            }
            String[] tags = new String[1 << n];
            tags[0] = name;
            StringBuilder key = new StringBuilder();
            for (int mask = 1; mask < tags.length; mask++) {
                key.setLength(0);
                key.append(name);
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0) {
                        key.append(parts[i]);
                    }
                }
                tags[mask] = key.toString();
            }
            return List.of(tags);
        }
        Set<String> tags = new LinkedHashSet<>();
        tags.add(name);
        for (List<String> names : scopings(model, context, new ArrayList<>(values.keySet()))) {
            Map<String, String> scoped = new LinkedHashMap<>();
            for (String param : names) {
                scoped.put(param, values.get(param));
            }
            tags.add(InvalidationKeys.format(context.name(), scoped));
        }
        return List.copyOf(tags);
    }

    /** The parameter sets the model's functions scope this context's keys by, of those the read has. */
    private static List<List<String>> scopings(Model model, FunctionModel context, List<String> names) {
        List<List<String>> out = new ArrayList<>();
        for (FunctionModel function : model.functions().values()) {
            List<String> scoping = function.scopedBy().get(context.name());
            if (scoping != null && !scoping.isEmpty() && names.containsAll(scoping)) {
                out.add(scoping.stream().sorted().toList());
            }
        }
        return out;
    }
}
