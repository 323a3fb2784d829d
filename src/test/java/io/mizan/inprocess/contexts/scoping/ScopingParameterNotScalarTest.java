package io.mizan.inprocess.contexts.scoping;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

/** MIZAN-020: a parameter named like an affected context's parameter that is not a scalar. */
class ScopingParameterNotScalarTest {

    @Test
    void anObjectNamedLikeTheContextParameterIsRefused() {
        String problems = InProcess.assertRefused("MIZAN-020", Boards.class.getName() + ".rename", Boards.class);
        assertTrue(problems.contains("'board'") && problems.contains("rename the parameter"), problems);
    }
}
