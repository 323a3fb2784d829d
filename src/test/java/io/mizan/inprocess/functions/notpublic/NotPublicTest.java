package io.mizan.inprocess.functions.notpublic;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

/** MIZAN-004: a method-level @Client on a method that is not public. */
class NotPublicTest {

    @Test
    void aPackagePrivateMethodIsRefused() {
        InProcess.assertRefused("MIZAN-004", Hidden.class.getName() + ".secret", Hidden.class);
    }
}
