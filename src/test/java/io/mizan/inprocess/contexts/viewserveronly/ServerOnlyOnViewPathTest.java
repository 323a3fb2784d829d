package io.mizan.inprocess.contexts.viewserveronly;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

/** MIZAN-035: a view-path method cannot be server-only. */
class ServerOnlyOnViewPathTest {

    @Test
    void aServerOnlyViewPathIsRefused() {
        InProcess.assertRefused("MIZAN-035", Hooks.class.getName() + ".payment", Hooks.class);
    }
}
