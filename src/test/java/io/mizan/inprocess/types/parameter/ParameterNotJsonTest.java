package io.mizan.inprocess.types.parameter;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

/** MIZAN-007: a parameter JSON-B cannot read. */
class ParameterNotJsonTest {

    @Test
    void anInterfaceParameterIsRefused() {
        InProcess.assertRefused("MIZAN-007", Drawing.class.getName() + ".draw", Drawing.class);
    }
}
