package io.mizan.inprocess.settings;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** MIZAN-026: an ETag key too short to be a secret. */
class EtagKeyTooShortTest {

    @Test
    void aShortKeyIsRefused() {
        InProcess.assertRefused("MIZAN-026", "mizan.etag.key", Map.of("mizan.etag.key", "secret"), Ping.class);
    }
}
