package io.mizan.inprocess.settings;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** MIZAN-021: a boolean setting that is neither true nor false. */
class SettingNotBooleanTest {

    @Test
    void aTypoIsNotFalse() {
        InProcess.assertRefused(
                "MIZAN-021", "mizan.schema.enabled", Map.of("mizan.schema.enabled", "ture"), Ping.class);
    }

    @Test
    void yesIsNotTrue() {
        InProcess.assertRefused(
                "MIZAN-021",
                "mizan.trust-forwarded-headers",
                Map.of("mizan.trust-forwarded-headers", "yes"),
                Ping.class);
    }
}
