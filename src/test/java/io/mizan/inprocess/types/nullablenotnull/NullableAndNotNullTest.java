package io.mizan.inprocess.types.nullablenotnull;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

/** MIZAN-011: @Nullable together with @NotNull. */
class NullableAndNotNullTest {

    @Test
    void bothAreRefused() {
        InProcess.assertRefused("MIZAN-011", Names.class.getName() + ".rename", Names.class);
    }
}
