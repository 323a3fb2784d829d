package io.mizan.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.config.MizanSettings;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** The manifest and the schema are written once; switched off, each is a 404 that names its setting. */
class DocumentsTest {

    public static class Shop {
        @Client
        public String ping() {
            return "pong";
        }
    }

    static final Model MODEL = new ModelBuilder(Auth.PUBLIC).build(List.of(Shop.class));

    static Documents documents(Map<String, String> properties) {
        return new Documents(
                MODEL,
                MizanSettings.from(new SmallRyeConfigBuilder()
                        .withSources(new PropertiesConfigSource(properties, "test", 500))
                        .build()));
    }

    @Test
    void bothAnswerByDefault() {
        Documents on = documents(Map.of());
        for (Response answer : List.of(on.manifest().build(), on.schema().build())) {
            assertEquals(200, answer.getStatus());
            assertEquals("application/json", answer.getHeaderString("Content-Type"));
            assertTrue(EndpointsTest.text(answer).contains("ping"), EndpointsTest.text(answer));
        }
    }

    @Test
    void switchedOffEachIsANotFoundThatNamesItsSetting() {
        Documents off = documents(Map.of("mizan.manifest.enabled", "false", "mizan.schema.enabled", "false"));
        Response manifest = off.manifest().build();
        assertEquals(404, manifest.getStatus());
        assertTrue(EndpointsTest.text(manifest).contains("mizan.manifest.enabled=false"));
        Response schema = off.schema().build();
        assertEquals(404, schema.getStatus());
        assertTrue(EndpointsTest.text(schema).contains("mizan.schema.enabled=false"));
    }
}
