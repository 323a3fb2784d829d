package io.mizan.inprocess.functions.classname;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

/** MIZAN-003: name on a class-level @Client. */
class ClassLevelNameTest {

    @Test
    void aNameOnTheClassIsRefused() {
        InProcess.assertRefused("MIZAN-003", Everything.class.getName(), Everything.class);
    }
}
