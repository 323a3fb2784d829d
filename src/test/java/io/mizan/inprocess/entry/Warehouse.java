package io.mizan.inprocess.entry;

import io.mizan.Client;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicInteger;

/** Stock the browser reads and only the supplier's feed may add to. */
@ApplicationScoped
public class Warehouse {

    private final AtomicInteger units = new AtomicInteger();

    @Client(context = Scope.GLOBAL)
    public int stock() {
        return units.get();
    }

    @Client(serverOnly = true, affects = "stock")
    public int restock(int amount) {
        return units.addAndGet(amount);
    }
}
