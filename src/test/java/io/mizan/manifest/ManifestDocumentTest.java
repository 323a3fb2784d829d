package io.mizan.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.codegen.fixture.FixtureApp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

class ManifestDocumentTest {

    private static JsonObject manifest() {
        try (JsonReader reader = Json.createReader(new StringReader(ManifestDocument.toJson(FixtureApp.model())))) {
            return reader.readObject();
        }
    }

    @Test
    void listsChannelsByNameWithPresence() {
        assertEquals(
                Json.createObjectBuilder()
                        .add("chat", Json.createObjectBuilder().add("presence", true))
                        .build(),
                manifest().getJsonObject("channels"));
    }

    @Test
    void listsFormsWithTheirFunctionsAndTheSubmitAmongTheFunctions() {
        JsonObject manifest = manifest();
        assertEquals(
                Json.createObjectBuilder()
                        .add("schema", "contact.schema")
                        .add("submit", "contact.submit")
                        .add("title", "Contact Us")
                        .add("validate", "contact.validate")
                        .build(),
                manifest.getJsonObject("forms").getJsonObject("contact"));
        assertEquals(
                "[\"inbox\"]",
                manifest.getJsonObject("functions")
                        .getJsonObject("contact.submit")
                        .getJsonArray("affects")
                        .toString());
    }

    @Test
    void listsContextsAndFunctions() {
        JsonObject manifest = manifest();
        assertEquals(
                "local",
                manifest.getJsonObject("contexts").getJsonObject("greet").getString("scope"));
        assertTrue(manifest.getJsonObject("functions")
                .getJsonObject("updateProfile")
                .getBoolean("viewPath"));
        assertEquals(
                "[\"channels\",\"contexts\",\"forms\",\"functions\"]",
                Json.createArrayBuilder(manifest.keySet()).build().toString(),
                "keys sorted");
    }
}
