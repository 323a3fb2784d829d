package io.mizan.inprocess.access.checknotbean;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

/** MIZAN-015: check names a class that is not a CDI bean. */
class CheckNotBeanTest {

    @Test
    void aCheckThatIsNoBeanIsRefused() {
        InProcess.assertRefused("MIZAN-015", Diary.class.getName() + ".read", Diary.class);
    }

    @Test
    void theSameCheckAsABeanIsAccepted() {
        try (InProcess.Deployment deployment = InProcess.deploy(Diary.class, OnlyBob.class)) {
            assertTrue(deployment.extension().model().function("read").isPresent());
        }
    }
}
