package io.mizan.inprocess.settings;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** Every malformed setting is reported in one failed deployment, not the first one alone. */
class AllAtOnceTest {

    @Test
    void everyMalformedSettingIsReported() {
        String problems = InProcess.assertRefused(
                "MIZAN-021",
                "mizan.manifest.enabled",
                Map.of(
                        "mizan.manifest.enabled", "on",
                        "mizan.max-body-bytes", "0",
                        "mizan.allowed-origins", "http://localhost:5173,localhost:3000",
                        "mizan.auth.default", "staff"),
                Ping.class);
        assertTrue(problems.contains("MIZAN-022 mizan.max-body-bytes: "), problems);
        assertTrue(problems.contains("MIZAN-024 mizan.allowed-origins: 'localhost:3000'"), problems);
        assertTrue(problems.contains("MIZAN-023 mizan.auth.default: "), problems);
    }

    @Test
    void settingsAndAnnotationsAreReportedTogether() {
        String problems = InProcess.assertRefused(
                "MIZAN-021",
                "mizan.schema.enabled",
                Map.of("mizan.schema.enabled", "ture"),
                Ping.class,
                io.mizan.inprocess.functions.duplicate.Greeters.class);
        assertTrue(problems.contains("MIZAN-001 "), problems);
    }
}
