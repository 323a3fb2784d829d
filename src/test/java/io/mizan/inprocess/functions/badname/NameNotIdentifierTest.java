package io.mizan.inprocess.functions.badname;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

/** MIZAN-002: a function name that is not an identifier. */
class NameNotIdentifierTest {

    @Test
    void aNameWithADashIsRefused() {
        InProcess.assertRefused("MIZAN-002", Accounts.class.getName() + ".user", Accounts.class);
    }
}
