package io.mizan.inprocess.types.nullableprimitive;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

/** MIZAN-009: @Nullable on a primitive parameter or property. */
class NullablePrimitiveTest {

    @Test
    void aNullablePrimitiveParameterIsRefused() {
        String problems = InProcess.assertRefused("MIZAN-009", Counters.class.getName() + ".count", Counters.class);
        assertTrue(problems.contains("parameter 'times'") && problems.contains("Integer"), problems);
    }

    @Test
    void aNullablePrimitivePropertyIsRefused() {
        String problems = InProcess.assertRefused("MIZAN-009", People.Person.class.getName(), People.class);
        assertTrue(problems.contains("property 'age'"), problems);
    }
}
