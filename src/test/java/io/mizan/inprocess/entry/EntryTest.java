package io.mizan.inprocess.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mizan.MizanException;
import io.mizan.inprocess.InProcess;
import io.mizan.invoke.Entry;
import io.mizan.invoke.Outcome;
import io.mizan.security.Caller;
import org.junit.jupiter.api.Test;

import java.util.List;

/** A server-only function refuses a client's call and runs server code's, keys and all. */
class EntryTest {

    @Test
    void aClientIsRefusedAndNothingRuns() {
        try (InProcess.Deployment deployment = InProcess.start(Warehouse.class)) {
            MizanException refused = assertThrows(
                    MizanException.class,
                    () -> deployment.call("restock", InProcess.user("sam", "staff"), Entry.CLIENT, "{\"amount\":5}"));
            assertEquals(403, refused.status());
            assertEquals(0, deployment.bean(Warehouse.class).stock());
            assertEquals(List.of(), deployment.invalidated());
        }
    }

    @Test
    void serverCodeRunsItThroughTheInvoker() throws Exception {
        try (InProcess.Deployment deployment = InProcess.start(Warehouse.class)) {
            Outcome outcome = deployment.call("restock", Caller.ANONYMOUS, Entry.SERVER, "{\"amount\":5}");
            assertEquals("5", outcome.json());
            assertEquals(List.of("stock"), outcome.keys());
            assertEquals(List.of(List.of("stock")), deployment.invalidated());
        }
    }
}
