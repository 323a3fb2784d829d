package io.mizan.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The classes Payara's OpenAPI scanner fails on (a constrained method or constructor parameter) are added
 * to the application's own mp.openapi.scan.exclude.classes, read through MicroProfile Config as the server
 * reads it; other classes and JAX-RS resources are never excluded.
 */
class OpenApiScanExclusionsTest {

    static class Functions {
        public String greet(@NotBlank @Size(max = 20) String name) {
            return name;
        }
    }

    @Path("things")
    static class Resource {
        public String find(@NotBlank String name) {
            return name;
        }
    }

    /** Java copies the components' constraints to the canonical constructor's parameters. */
    record Address(@NotBlank String city, String zip) {}

    record Plain(String city) {}

    static class Unconstrained {
        public String greet(String name) {
            return name;
        }
    }

    static class Base {
        public void setId(@Min(1) int id) {}
    }

    static class Derived extends Base {}

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
        assertFalse(OpenApiScanExclusions.excluded().contains(Resource.class.getName()));
        String value = config().getValue(OpenApiScanExclusions.PROPERTY, String.class);
        assertTrue(value.contains(Functions.class.getName()), value);
    }

    @Test
    void recordsWithConstrainedComponentsAreExcludedAndOthersAreNot() {
        OpenApiScanExclusions.exclude(Address.class);
        OpenApiScanExclusions.exclude(Plain.class);
        OpenApiScanExclusions.exclude(Unconstrained.class);
        assertTrue(OpenApiScanExclusions.excluded().contains(Address.class.getName()));
        assertFalse(OpenApiScanExclusions.excluded().contains(Plain.class.getName()));
        assertFalse(OpenApiScanExclusions.excluded().contains(Unconstrained.class.getName()));
    }

    @Test
    void aSuperclassWithAConstrainedParameterIsExcludedItself() {
        OpenApiScanExclusions.exclude(Derived.class);
        assertTrue(OpenApiScanExclusions.excluded().contains(Base.class.getName()));
        assertFalse(OpenApiScanExclusions.excluded().contains(Derived.class.getName()));
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
