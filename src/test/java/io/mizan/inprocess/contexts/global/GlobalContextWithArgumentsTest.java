package io.mizan.inprocess.contexts.global;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

/** MIZAN-016: a GLOBAL context that takes arguments. */
class GlobalContextWithArgumentsTest {

    @Test
    void argumentsAreRefused() {
        InProcess.assertRefused("MIZAN-016", Banner.class.getName() + ".banner", Banner.class);
    }
}
