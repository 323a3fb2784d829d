package io.mizan.inprocess.access.jakartaconflict;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

/** MIZAN-013: two Jakarta security annotations on one method. */
class ConflictingSecurityAnnotationsTest {

    @Test
    void permitAllWithRolesAllowedIsRefused() {
        InProcess.assertRefused("MIZAN-013", Reports.class.getName() + ".weekly", Reports.class);
    }
}
