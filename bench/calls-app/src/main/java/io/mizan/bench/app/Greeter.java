package io.mizan.bench.app;

import io.mizan.Client;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;

/** The Mizan side: POST /api/mizan/call/greet, /increment, /place and /welcome; GET ctx/counter and ctx/basket. */
@ApplicationScoped
public class Greeter {

    @Inject
    Counters counters;

    @Inject
    Baskets baskets;

    @Client
    public Greeting greet(@NotBlank String name) {
        return Greeting.of(name);
    }

    /** A context with one parameter, so that increment's key is scoped: counter;name=... */
    @Client(context = Scope.LOCAL)
    public Counter counter(@NotBlank String name) {
        return counters.get(name);
    }

    /** A context of about 10 KB: where a 304 saves the body. */
    @Client(context = Scope.LOCAL)
    public Order basket(@NotBlank String name) {
        return baskets.of(name);
    }

    @Client
    public Order.Summary place(@jakarta.validation.constraints.NotNull @jakarta.validation.Valid Order order) {
        return Order.Summary.of(order);
    }

    /** A signed-in caller with the role user greeted by name. */
    @Client(roles = "user")
    public Greeting welcome(java.security.Principal caller) {
        return Greeting.of(caller.getName());
    }

    @Client(affects = "counter")
    public Counter increment(@NotBlank String name) {
        return counters.increment(name);
    }
}
