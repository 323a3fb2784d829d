package io.mizan.inprocess.access.checkabstract;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

/** MIZAN-014: check names an abstract class. */
class CheckNotConcreteTest {

    @Test
    void anAbstractCheckIsRefused() {
        InProcess.assertRefused("MIZAN-014", Vault.class.getName() + ".open", Vault.class);
    }
}
