package io.mizan.inprocess.settings;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** MIZAN-022: a size that is not a positive number. */
class SettingNotPositiveTest {

    @Test
    void aNegativeSizeIsRefused() {
        InProcess.assertRefused("MIZAN-022", "mizan.max-body-bytes", Map.of("mizan.max-body-bytes", "-1"), Ping.class);
    }

    @Test
    void aUnitIsRefused() {
        InProcess.assertRefused("MIZAN-022", "mizan.max-body-bytes", Map.of("mizan.max-body-bytes", "1MB"), Ping.class);
    }
}
