package io.mizan.inprocess.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mizan.MizanException;
import io.mizan.inprocess.InProcess;
import io.mizan.invoke.Entry;
import io.mizan.security.Caller;
import org.junit.jupiter.api.Test;

/** A dependent bean with functions, and a dependent access check, live for one call and are released. */
class DependentBeansTest {

    @Test
    void eachCallCreatesAndReleasesTheBeanAndTheCheck() throws Exception {
        try (InProcess.Deployment deployment = InProcess.start(Carts.class, Members.class, Lifecycles.class)) {
            Lifecycles lifecycles = deployment.bean(Lifecycles.class);
            for (int call = 1; call <= 2; call++) {
                assertEquals(
                        "\"added tea\"",
                        deployment
                                .call("add", InProcess.user("ann"), Entry.CLIENT, "{\"item\":\"tea\"}")
                                .json());
                assertEquals(call, lifecycles.count(Carts.class, "created"));
                assertEquals(call, lifecycles.count(Carts.class, "destroyed"));
                assertEquals(call, lifecycles.count(Members.class, "created"));
                assertEquals(call, lifecycles.count(Members.class, "destroyed"));
            }
        }
    }

    @Test
    void aRefusedCallCreatesNoBeanAndReleasesItsCheck() {
        try (InProcess.Deployment deployment = InProcess.start(Carts.class, Members.class, Lifecycles.class)) {
            Lifecycles lifecycles = deployment.bean(Lifecycles.class);
            MizanException refused = assertThrows(
                    MizanException.class,
                    () -> deployment.call("add", Caller.ANONYMOUS, Entry.CLIENT, "{\"item\":\"tea\"}"));
            assertEquals(403, refused.status());
            assertEquals(0, lifecycles.count(Carts.class, "created"));
            assertEquals(1, lifecycles.count(Members.class, "created"));
            assertEquals(1, lifecycles.count(Members.class, "destroyed"));
        }
    }

    @Test
    void aFailedCallReleasesTheBeanToo() {
        try (InProcess.Deployment deployment = InProcess.start(Carts.class, Members.class, Lifecycles.class)) {
            Lifecycles lifecycles = deployment.bean(Lifecycles.class);
            MizanException failed = assertThrows(
                    MizanException.class, () -> deployment.call("clear", InProcess.user("ann"), Entry.CLIENT, "{}"));
            assertEquals(409, failed.status());
            assertEquals(1, lifecycles.count(Carts.class, "created"));
            assertEquals(1, lifecycles.count(Carts.class, "destroyed"));
        }
    }

    @Test
    void argumentsFailingValidationReleaseTheBean() {
        try (InProcess.Deployment deployment = InProcess.start(Carts.class, Members.class, Lifecycles.class)) {
            Lifecycles lifecycles = deployment.bean(Lifecycles.class);
            MizanException invalid = assertThrows(
                    MizanException.class,
                    () -> deployment.call("add", InProcess.user("ann"), Entry.CLIENT, "{\"item\":\" \"}"));
            assertEquals(422, invalid.status());
            assertEquals(lifecycles.count(Carts.class, "created"), lifecycles.count(Carts.class, "destroyed"));
        }
    }
}
