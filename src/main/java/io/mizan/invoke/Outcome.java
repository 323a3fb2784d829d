package io.mizan.invoke;

import java.util.List;

/**
 * A successful call.
 *
 * @param json the result as JSON text ({@code null} for a void function, as the wire writes it)
 * @param keys the invalidation keys it produced, in order, without repeats
 */
public record Outcome(String json, List<String> keys) {
    public Outcome {
        keys = List.copyOf(keys);
    }
}
