package io.mizan.it.boundary;

import io.mizan.Client;
import io.mizan.MizanException;
import jakarta.ejb.Stateless;

/** An EJB with server functions: its own exceptions reach the caller unwrapped. */
@Stateless
public class Orders {

    @Client
    public String ship(long orderId) {
        if (orderId == 7) {
            throw new MizanException(409, "Order 7 was already shipped");
        }
        return "shipped " + orderId;
    }
}
