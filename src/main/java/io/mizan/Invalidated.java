package io.mizan;

import java.util.List;

/**
 * A CDI event fired after a successful outermost call of a server function (from HTTP or from server
 * code, a webhook or a scheduled job) whose call changed contexts, with the invalidation keys it produced.
 * Observe it to purge an edge cache, for example.
 *
 * <pre>{@code
 * void purge(@Observes Invalidated event) { cdn.purge(event.keys()); }
 * }</pre>
 *
 * @param keys the invalidation keys, in the order they were produced, without repeats
 */
public record Invalidated(List<String> keys) {
    public Invalidated {
        keys = List.copyOf(keys);
    }
}
