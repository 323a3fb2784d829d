package io.mizan.inprocess.functions.duplicate;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

class DuplicateNameTest {

    @Test
    void twoFunctionsWithOneNameAreRefused() {
        InProcess.assertRefused("MIZAN-001", Greeters.class.getName() + ".hello", Greeters.class);
    }
}
