package io.mizan.inprocess.invalidation.observer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mizan.inprocess.InProcess;
import io.mizan.invoke.Entry;
import io.mizan.invoke.Outcome;
import io.mizan.security.Caller;
import org.junit.jupiter.api.Test;

import java.util.List;

/** An observer of Invalidated that fails (a purge that timed out) does not fail the call it follows. */
class FailingObserverTest {

    @Test
    void theCallSucceedsWithItsKeys() throws Exception {
        try (InProcess.Deployment deployment = InProcess.start(Notes.class, Notes.Purge.class)) {
            Outcome outcome = deployment.call("add", Caller.ANONYMOUS, Entry.CLIENT, "{\"text\":\"hi\"}");
            assertEquals("1", outcome.json());
            assertEquals(List.of("notes"), outcome.keys());
            assertEquals(
                    "2",
                    deployment
                            .call("add", Caller.ANONYMOUS, Entry.CLIENT, "{\"text\":\"again\"}")
                            .json(),
                    "the application keeps serving");
        }
    }
}
