package io.mizan.inprocess.servercode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mizan.MizanException;
import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * Server code calling a function bean directly, not through the invoker: the {@code @Client}
 * interceptor enforces the access rule with the container's caller, and publishes the call's keys.
 */
class ServerCodeTest {

    static int status(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(MizanException.class, call).status();
    }

    @Test
    void theContainersCallerIsChecked() {
        try (InProcess.Deployment deployment = InProcess.start(Shipping.class, PaymentWebhook.class)) {
            Shipping shipping = deployment.bean(Shipping.class);
            assertEquals(401, status(shipping::payroll));
            deployment.security().signIn("ann");
            assertEquals(403, status(shipping::payroll));
            deployment.security().signIn("sam", "staff");
            assertEquals("payroll", shipping.payroll());
        }
    }

    @Test
    void aServerOnlyFunctionRunsAndItsKeysArePublished() {
        try (InProcess.Deployment deployment = InProcess.start(Shipping.class, PaymentWebhook.class)) {
            deployment.bean(PaymentWebhook.class).received(9);
            assertEquals(List.of(9L), deployment.bean(Shipping.class).orders());
            assertEquals(List.of(List.of("order;orderId=9", "orders")), deployment.invalidated());
        }
    }

    @Test
    void outsideARequestNobodyIsSignedIn() {
        try (InProcess.Deployment deployment =
                InProcess.start(Map.of("mizan.auth.default", "authenticated"), Shipping.class, PaymentWebhook.class)) {
            deployment.security().offThread();
            deployment.bean(PaymentWebhook.class).received(9); // @PermitAll: a job may call it
            assertEquals(List.of(List.of("order;orderId=9", "orders")), deployment.invalidated());
            assertEquals(401, status(() -> deployment.bean(Shipping.class).myOrderCount()));
        }
    }
}
