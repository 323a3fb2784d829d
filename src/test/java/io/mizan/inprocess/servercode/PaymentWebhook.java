package io.mizan.inprocess.servercode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Server code with no functions of its own: it calls a function bean like any other bean. */
@ApplicationScoped
public class PaymentWebhook {

    @Inject
    Shipping shipping;

    public void received(long orderId) {
        shipping.paymentReceived(orderId);
    }
}
