package io.mizan.inprocess.lifecycle;

import io.mizan.Client;
import io.mizan.MizanException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;

/** A dependent bean with a function: an instance of its own for each call. */
@Dependent
public class Carts {

    @Inject
    Lifecycles lifecycles;

    @PostConstruct
    void created() {
        lifecycles.created(this);
    }

    @PreDestroy
    void destroyed() {
        lifecycles.destroyed(this);
    }

    @Client(check = Members.class)
    public String add(@NotBlank String item) {
        return "added " + item;
    }

    @Client(check = Members.class)
    public void clear() {
        throw new MizanException(409, "The cart is empty");
    }
}
