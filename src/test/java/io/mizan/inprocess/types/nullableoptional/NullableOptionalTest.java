package io.mizan.inprocess.types.nullableoptional;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

/** MIZAN-010: @Nullable on an Optional. */
class NullableOptionalTest {

    @Test
    void aNullableOptionalIsRefused() {
        InProcess.assertRefused("MIZAN-010", Notes.class.getName() + ".note", Notes.class);
    }
}
