package io.mizan.inprocess.functions.wellformed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

/** A class-level @Client makes functions of business methods only, and the deployment goes ahead. */
class WellFormedTest {

    @Test
    void onlyBusinessMethodsAndAnnotatedSettersBecomeFunctions() {
        try (InProcess.Deployment deployment = InProcess.deploy(Desk.class)) {
            assertEquals(
                    Set.of("close", "open", "setColor"),
                    deployment.extension().model().functions().keySet());
        }
    }

    @Test
    void wellFormedSettingsAreRead() {
        try (InProcess.Deployment deployment = InProcess.deploy(
                Map.of(
                        "mizan.schema.enabled", " FALSE ",
                        "mizan.allowed-origins", "http://localhost:5173, HTTPS://App.Example.com:443/",
                        "mizan.public-origin", "https://Example.com"),
                Desk.class)) {
            var settings = deployment.extension().settings();
            assertFalse(settings.schemaEnabled());
            assertTrue(settings.manifestEnabled());
            assertEquals(
                    java.util.List.of("http://localhost:5173", "https://app.example.com"), settings.allowedOrigins());
            assertEquals("https://example.com", settings.publicOrigin().orElseThrow());
        }
    }
}
