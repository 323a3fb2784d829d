package io.mizan.inprocess.settings;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** MIZAN-024: an origin setting entry that is not an origin. */
class NotAnOriginTest {

    @Test
    void anOriginWithAPathIsRefused() {
        InProcess.assertRefused(
                "MIZAN-024",
                "mizan.allowed-origins",
                Map.of("mizan.allowed-origins", "http://localhost:5173/app"),
                Ping.class);
    }

    @Test
    void anotherSchemeIsRefused() {
        InProcess.assertRefused(
                "MIZAN-024", "mizan.public-origin", Map.of("mizan.public-origin", "ftp://example.com"), Ping.class);
    }
}
