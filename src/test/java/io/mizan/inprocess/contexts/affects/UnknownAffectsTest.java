package io.mizan.inprocess.contexts.affects;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

/** MIZAN-019: affects names no context. */
class UnknownAffectsTest {

    @Test
    void aMisspeltContextIsRefusedWithTheContextsListed() {
        String problems = InProcess.assertRefused("MIZAN-019", Settings.class.getName() + ".save", Settings.class);
        assertTrue(problems.contains("(the contexts are settings)"), problems);
    }
}
