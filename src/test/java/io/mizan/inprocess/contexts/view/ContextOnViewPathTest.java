package io.mizan.inprocess.contexts.view;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

/** MIZAN-018: a context that returns a JAX-RS Response. */
class ContextOnViewPathTest {

    @Test
    void aResponseContextIsRefused() {
        InProcess.assertRefused("MIZAN-018", Pages.class.getName() + ".home", Pages.class);
    }
}
