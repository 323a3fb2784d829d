package io.mizan.inprocess.contexts.local;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

/** MIZAN-017: a LOCAL context parameter that is not a scalar. */
class ContextParameterNotScalarTest {

    @Test
    void anObjectParameterIsRefused() {
        InProcess.assertRefused("MIZAN-017", Catalog.class.getName() + ".search", Catalog.class);
    }
}
