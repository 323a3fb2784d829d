package io.mizan.inprocess.access.publicroles;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

/** MIZAN-012: auth = PUBLIC together with roles. */
class PublicWithRolesTest {

    @Test
    void publicWithRolesIsRefused() {
        InProcess.assertRefused("MIZAN-012", Payroll.class.getName() + ".salaries", Payroll.class);
    }
}
