package io.mizan;

import java.util.Map;

/**
 * Adds invalidation keys by hand during a call, for what {@link Client#affects()} cannot say.
 * Keys added during a call that then fails are dropped.
 *
 * <pre>{@code
 * @Inject Invalidator invalidator;
 *
 * @Client(affects = "orders")
 * public Order place(Cart cart) {
 *     Order order = orders.place(cart);
 *     invalidator.invalidate("customerOrders", Map.of("customerId", order.customerId()));
 *     return order;
 * }
 * }</pre>
 */
public interface Invalidator {

    /** Invalidates every cached copy of the context, whatever its parameters. */
    void invalidate(String context);

    /**
     * Invalidates the cached copies of the context whose parameters include all of these values;
     * values are written as strings ({@code 5}, {@code true}, an enum's name, ISO dates).
     */
    void invalidate(String context, Map<String, ?> params);
}
