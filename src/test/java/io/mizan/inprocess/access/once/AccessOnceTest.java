package io.mizan.inprocess.access.once;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mizan.MizanException;
import io.mizan.inprocess.InProcess;
import io.mizan.invalidation.InvalidationFrames;
import io.mizan.invoke.CurrentCall;
import io.mizan.invoke.Entry;
import io.mizan.invoke.Invocation;
import io.mizan.security.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * An access rule runs once per call: the invoker decides, the {@code @Client} interceptor lets that
 * call through without asking again, and a function the method calls in-process is a call of its own,
 * checked against the same caller.
 */
class AccessOnceTest {

    InProcess.Deployment deployment;

    @BeforeEach
    void start() {
        deployment = InProcess.start(Orders.class, Stock.class, Reports.class, CountingCheck.class);
    }

    @AfterEach
    void stop() {
        deployment.close();
    }

    List<String> asked() {
        return deployment.bean(CountingCheck.class).asked();
    }

    @Test
    void theInvokerAsksTheCheckAndTheInterceptorDoesNotAskAgain() throws Exception {
        Invocation call = deployment
                .invoker()
                .authorize(deployment.function("reserve"), InProcess.user("ann"), Entry.CLIENT, null);
        assertEquals(List.of("reserve by ann"), asked(), "asked when the call is authorized");
        deployment.invoker().invoke(call, new Object[] {"tea"});
        assertEquals(List.of("reserve by ann"), asked(), "not asked again when the method runs");
    }

    @Test
    void aNestedCallIsCheckedAgainAgainstTheSameCaller() throws Exception {
        String result = deployment
                .call("place", InProcess.user("ann"), Entry.CLIENT, "{\"item\":\"tea\"}")
                .json();
        assertEquals("\"reserved tea\"", result);
        assertEquals(List.of("place by ann", "reserve by ann"), asked());
    }

    @Test
    void anAnonymousCallerIsRefusedANestedStaffOnlyFunction() {
        MizanException refused = assertThrows(
                MizanException.class,
                () -> deployment.call("placeWithReport", Caller.ANONYMOUS, Entry.CLIENT, "{\"item\":\"tea\"}"));
        assertEquals(401, refused.status());
        assertNull(CurrentCall.caller(), "the next call on this thread starts afresh");
        assertFalse(InvalidationFrames.active());
    }

    @Test
    void theOuterCallerNotTheContainersIsTheOneChecked() throws Exception {
        deployment.security().signIn("sam", "staff"); // the container's caller would pass
        MizanException refused = assertThrows(
                MizanException.class,
                () -> deployment.call("placeWithReport", InProcess.user("ann"), Entry.CLIENT, "{\"item\":\"tea\"}"));
        assertEquals(403, refused.status());
        assertEquals(
                "\"tea with the weekly report\"",
                deployment
                        .call("placeWithReport", InProcess.user("sam", "staff"), Entry.CLIENT, "{\"item\":\"tea\"}")
                        .json());
    }
}
