package io.mizan.inprocess.hydration;

import io.mizan.Client;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;

/** A local context that takes no parameters: a page reads it itself, it is not embedded. */
@ApplicationScoped
public class Cart {

    @Client(context = Scope.LOCAL)
    public int itemsInCart() {
        return 3;
    }
}
