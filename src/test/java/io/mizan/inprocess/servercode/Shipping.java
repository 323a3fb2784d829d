package io.mizan.inprocess.servercode;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.Scope;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/** Orders and their payment: contexts the browser reads, and a function only server code calls. */
@ApplicationScoped
public class Shipping {

    private final Set<Long> paid = new ConcurrentSkipListSet<>();

    @Client(context = Scope.GLOBAL)
    public List<Long> orders() {
        return List.copyOf(paid);
    }

    @Client(context = Scope.LOCAL)
    public boolean order(long orderId) {
        return paid.contains(orderId);
    }

    /** Called by the payment provider's webhook, which nobody signed in to. */
    @Client(
            serverOnly = true,
            affects = {"order", "orders"})
    @PermitAll
    public void paymentReceived(long orderId) {
        paid.add(orderId);
    }

    @Client(auth = Auth.AUTHENTICATED)
    public int myOrderCount() {
        return paid.size();
    }

    @Client(roles = "staff")
    public String payroll() {
        return "payroll";
    }
}
