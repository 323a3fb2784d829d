package io.mizan.inprocess.settings;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** MIZAN-025: a hydration path that does not start with a slash. */
class HydrationPathNotAbsoluteTest {

    @Test
    void aRelativePathIsRefused() {
        InProcess.assertRefused(
                "MIZAN-025", "mizan.hydration.paths", Map.of("mizan.hydration.paths", "index.html"), Ping.class);
    }
}
