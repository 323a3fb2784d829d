package io.mizan.bench.app;

import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What both sides of the basket reads answer: an {@link Order} of 85 lines, about 10 KB of JSON, in
 * the customer's name. Built once; each read serializes it again. Not a Mizan bean.
 */
@ApplicationScoped
public class Baskets {

    private final List<Order.Line> lines = lines(85);
    private final Order.Address address = new Order.Address("12 St James's Square", "London", "SW1Y 4JH");

    public Order of(String customer) {
        return new Order(customer, address, lines);
    }

    private static List<Order.Line> lines(int count) {
        List<Order.Line> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(new Order.Line("SKU-" + (100000 + i) + "-ANALYTICAL-ENGINE", 1 + i % 5,
                    new BigDecimal((10 + i) + ".25"), List.of("brass", "gears", "punched-cards", "difference")));
        }
        return List.copyOf(lines);
    }
}
