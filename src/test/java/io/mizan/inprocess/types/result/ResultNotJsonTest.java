package io.mizan.inprocess.types.result;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

/** MIZAN-008: a result JSON-B cannot write faithfully. */
class ResultNotJsonTest {

    @Test
    void anObjectResultIsRefused() {
        InProcess.assertRefused("MIZAN-008", Anything.class.getName() + ".value", Anything.class);
    }
}
