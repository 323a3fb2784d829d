package io.mizan.inprocess.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mizan.inprocess.InProcess;
import io.mizan.invoke.Entry;
import io.mizan.security.Caller;
import org.junit.jupiter.api.Test;

/** A {@code @Singleton} bean with functions lives as long as the application, and so do its dependents. */
class SingletonBeanTest {

    @Test
    void aSecondCallFindsTheSingletonsDependentsAlive() throws Exception {
        try (InProcess.Deployment deployment = InProcess.start(Catalog.class, Connection.class)) {
            assertEquals(
                    "\"tea found\"",
                    deployment
                            .call("find", Caller.ANONYMOUS, Entry.CLIENT, "{\"item\":\"tea\"}")
                            .json());
            assertEquals(
                    "\"tea found\"",
                    deployment
                            .call("find", Caller.ANONYMOUS, Entry.CLIENT, "{\"item\":\"tea\"}")
                            .json());
        }
    }
}
