package io.mizan.model.naming;

import io.mizan.Client;

/** Functions over types of one simple name, in two orders: the names must not depend on it. */
public final class Shop {

    private Shop() {}

    public static class Orders {
        public record Item(String sku) {}
    }

    public static class Carts {
        public record Item(int quantity) {}
    }

    public static class OrdersFirst {
        @Client
        public Orders.Item a(Orders.Item item) {
            return item;
        }

        @Client
        public Carts.Item b(Carts.Item item) {
            return item;
        }

        @Client
        public io.mizan.model.naming.Item c(io.mizan.model.naming.Item item) {
            return item;
        }
    }

    public static class CartsFirst {
        @Client
        public Orders.Item z(Orders.Item item) {
            return item;
        }

        @Client
        public Carts.Item b(Carts.Item item) {
            return item;
        }

        @Client
        public io.mizan.model.naming.Item a(io.mizan.model.naming.Item item) {
            return item;
        }
    }
}
