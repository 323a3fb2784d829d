package io.mizan.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The classes of server functions are added to the application's own mp.openapi.scan.exclude.classes,
 * read through MicroProfile Config as the server reads it; JAX-RS resources are never excluded.
 */
class OpenApiScanExclusionsTest {

    static class Functions {}

    @Path("things")
    static class Resource {}

    @AfterEach
    void forget() {
        System.clearProperty(OpenApiScanExclusions.PROPERTY);
        ConfigProviderResolver.instance().releaseConfig(config());
    }

    private static Config config() {
        return ConfigProviderResolver.instance().getConfig(OpenApiScanExclusionsTest.class.getClassLoader());
    }

    @Test
    void serverFunctionsAreExcludedAndResourcesAreNot() {
        OpenApiScanExclusions.exclude(Functions.class);
        OpenApiScanExclusions.exclude(Resource.class);
        assertTrue(OpenApiScanExclusions.excluded().contains(Functions.class.getName()));
        assertTrue(!OpenApiScanExclusions.excluded().contains(Resource.class.getName()));
        String value = config().getValue(OpenApiScanExclusions.PROPERTY, String.class);
        assertTrue(value.contains(Functions.class.getName()), value);
    }

    @Test
    void theApplicationsOwnListIsKeptFirst() {
        OpenApiScanExclusions.exclude(Functions.class);
        System.setProperty(OpenApiScanExclusions.PROPERTY, " com.example.Legacy , com.example.Old");
        ConfigProviderResolver.instance().releaseConfig(config());
        String value = config().getValue(OpenApiScanExclusions.PROPERTY, String.class);
        assertTrue(value.startsWith("com.example.Legacy,com.example.Old,"), value);
        assertTrue(value.contains(Functions.class.getName()), value);
    }

    @Test
    void otherSettingsAreNotItsBusiness() {
        assertNull(new OpenApiScanExclusions().getValue("mp.openapi.scan.disable"));
        assertEquals(1000, new OpenApiScanExclusions().getOrdinal());
    }
}
