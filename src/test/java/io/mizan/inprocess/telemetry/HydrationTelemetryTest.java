package io.mizan.inprocess.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mizan.hydration.Hydration;
import io.mizan.inprocess.InProcess;
import io.mizan.inprocess.hydration.Flaky;
import io.mizan.inprocess.hydration.Site;
import io.mizan.security.Caller;
import io.opentelemetry.api.common.AttributeKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Each global context read for a page is a span with the status its read had: 200 when it is embedded,
 * the refusal's status when the caller may not read it (403 for one only server code may call), the failure's when it fails, and 500 when its
 * access check throws.
 */
class HydrationTelemetryTest {

    static final Logger LOG = Logger.getLogger(Hydration.class.getName());

    Level level;

    @BeforeEach
    void forget() {
        ServerOpenTelemetry.SPANS.reset();
        level = LOG.getLevel();
        LOG.setLevel(Level.SEVERE); // the contexts that fail are logged: expected here
    }

    @AfterEach
    void quiet() {
        LOG.setLevel(level);
    }

    static List<String> observed() {
        return ServerOpenTelemetry.SPANS.getFinishedSpanItems().stream()
                .map(s -> s.getName() + " " + s.getAttributes().get(AttributeKey.longKey("mizan.status")))
                .sorted()
                .toList();
    }

    @Test
    void everyContextReadIsASpanWithItsOutcome() {
        try (InProcess.Deployment d = InProcess.start(
                Map.of("otel.sdk.disabled", "false", "mizan.telemetry.metrics", "none"),
                Site.class,
                Flaky.class,
                Closing.class,
                ServerOpenTelemetry.class)) {
            String json = d.bean(Hydration.class).contexts(Caller.ANONYMOUS, null);

            assertEquals("{\"contexts\":{\"banner\":\"Welcome\"}}", json);
            assertEquals(
                    List.of(
                            "mizan hydrate banner 200",
                            "mizan hydrate beta 500",
                            "mizan hydrate broken 500",
                            "mizan hydrate currentUser 401",
                            "mizan hydrate internal 403",
                            "mizan hydrate openingHours 409",
                            "mizan hydrate staffNotes 401"),
                    observed());
        }
    }
}
