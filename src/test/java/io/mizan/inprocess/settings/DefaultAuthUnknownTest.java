package io.mizan.inprocess.settings;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** MIZAN-023: mizan.auth.default that is neither public nor authenticated. */
class DefaultAuthUnknownTest {

    @Test
    void anUnknownRuleIsRefused() {
        InProcess.assertRefused(
                "MIZAN-023", "mizan.auth.default", Map.of("mizan.auth.default", "everyone"), Ping.class);
    }
}
