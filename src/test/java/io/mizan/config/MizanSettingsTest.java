package io.mizan.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.Auth;
import io.mizan.messages.Messages;
import io.mizan.model.ModelException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

class MizanSettingsTest {

    static MizanSettings read(Map<String, String> properties) {
        return MizanSettings.from(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build());
    }

    static List<String> ids(Map<String, String> properties) {
        return assertThrows(ModelException.class, () -> read(properties)).problems().stream()
                .map(Messages::id)
                .sorted()
                .toList();
    }

    @Test
    void defaults() {
        assertEquals(
                new MizanSettings(
                        Auth.PUBLIC,
                        1024 * 1024,
                        List.of(),
                        true,
                        true,
                        true,
                        List.of("/index.html"),
                        Optional.empty(),
                        false,
                        Optional.empty(),
                        20,
                        false,
                        ChannelSettings.DEFAULTS,
                        SignInSettings.DEFAULTS),
                read(Map.of()));
    }

    @Test
    void everySettingIsRead() {
        assertEquals(
                new MizanSettings(
                        Auth.AUTHENTICATED,
                        4096,
                        List.of("http://localhost:5173", "https://a.example"),
                        false,
                        false,
                        false,
                        List.of("/", "/app/*"),
                        Optional.of("https://shop.example:8443"),
                        true,
                        Optional.of("0123456789abcdef"),
                        7,
                        true,
                        new ChannelSettings(
                                false,
                                "/ws",
                                1024,
                                5,
                                2,
                                16,
                                2048,
                                new RedisSettings(Optional.of("rediss://:pw@cache:6380/1"), Optional.of("shop"), 5)),
                        new SignInSettings(true, 3, 60)),
                read(pairs(
                        "mizan.auth.default",
                        "Authenticated",
                        "mizan.max-body-bytes",
                        " 4096 ",
                        "mizan.allowed-origins",
                        "http://LOCALHOST:5173/, https://a.example:443",
                        "mizan.schema.enabled",
                        "false",
                        "mizan.batch.max-entries",
                        "7",
                        "mizan.cache-tags.enabled",
                        "TRUE",
                        "mizan.channels.enabled",
                        "false",
                        "mizan.channels.path",
                        "/ws",
                        "mizan.channels.max-frame-bytes",
                        "1024",
                        "mizan.channels.max-joins",
                        "5",
                        "mizan.channels.max-messages-per-second",
                        "2",
                        "mizan.channels.send-queue",
                        "16",
                        "mizan.channels.send-window-bytes",
                        "2048",
                        "mizan.channels.redis.uri",
                        " rediss://:pw@cache:6380/1 ",
                        "mizan.channels.redis.prefix",
                        "shop",
                        "mizan.channels.redis.node-ttl-seconds",
                        "5",
                        "mizan.auth.functions",
                        "true",
                        "mizan.auth.max-failures",
                        "3",
                        "mizan.auth.failure-window-seconds",
                        "60",
                        "mizan.manifest.enabled",
                        "False",
                        "mizan.openapi.enabled",
                        "false",
                        "mizan.hydration.paths",
                        "/, /app/*",
                        "mizan.public-origin",
                        "HTTPS://Shop.Example:8443",
                        "mizan.trust-forwarded-headers",
                        "TRUE",
                        "mizan.etag.key",
                        "0123456789abcdef")));
    }

    @Test
    void malformedValuesAreReportedTogether() {
        // one row per malformed value: the property, the value, the id
        String[][] table = {
            {"mizan.schema.enabled", "ture", "MIZAN-021"},
            {"mizan.manifest.enabled", "1", "MIZAN-021"},
            {"mizan.openapi.enabled", "no", "MIZAN-021"},
            {"mizan.trust-forwarded-headers", "yes", "MIZAN-021"},
            {"mizan.max-body-bytes", "0", "MIZAN-022"},
            {"mizan.max-body-bytes", "1MB", "MIZAN-022"},
            {"mizan.auth.default", "nobody", "MIZAN-023"},
            {"mizan.allowed-origins", "*", "MIZAN-024"},
            {"mizan.allowed-origins", "localhost:5173", "MIZAN-024"},
            {"mizan.allowed-origins", "http://localhost:5173/app", "MIZAN-024"},
            {"mizan.allowed-origins", "http://user@localhost", "MIZAN-024"},
            {"mizan.allowed-origins", "http://localhost:99999", "MIZAN-024"},
            {"mizan.allowed-origins", "http://localhost?x=1", "MIZAN-024"},
            {"mizan.public-origin", "ws://example.com", "MIZAN-024"},
            {"mizan.hydration.paths", "index.html", "MIZAN-025"},
            {"mizan.etag.key", "short", "MIZAN-026"},
            {"mizan.channels.redis.uri", "localhost:6379", "MIZAN-043"},
            {"mizan.channels.redis.uri", "http://cache:6379", "MIZAN-043"},
            {"mizan.channels.redis.node-ttl-seconds", "0", "MIZAN-022"},
            {"mizan.batch.max-entries", "-1", "MIZAN-022"},
        };
        for (String[] row : table) {
            assertEquals(List.of(row[2]), ids(Map.of(row[0], row[1])), row[0] + "=" + row[1]);
        }
        assertEquals(
                List.of("MIZAN-021", "MIZAN-022", "MIZAN-024"),
                ids(Map.of(
                        "mizan.schema.enabled",
                        "ture",
                        "mizan.max-body-bytes",
                        "-5",
                        "mizan.public-origin",
                        "example.com")));
    }

    @Test
    void theRedisClientIsLookedForWhereTheLibraryIsLoaded() throws Exception {
        assertTrue(RedisSettings.clientPresent(MizanSettings.class.getClassLoader()));
        try (var without = new java.net.URLClassLoader(new java.net.URL[0], ClassLoader.getPlatformClassLoader())) {
            assertFalse(RedisSettings.clientPresent(without));
        }
    }

    @Test
    void aRedisPasswordIsNeverShown() {
        String problem = assertThrows(
                        ModelException.class, () -> read(Map.of("mizan.channels.redis.uri", "http://:s3cret@cache:1")))
                .getMessage();
        assertTrue(problem.contains("MIZAN-043"), problem);
        assertFalse(problem.contains("s3cret"), problem);
        RedisSettings settings =
                new RedisSettings(Optional.of("redis://user:s3cret@cache:6379/0"), Optional.empty(), 15);
        assertFalse(settings.toString().contains("s3cret"), settings.toString());
        assertEquals("redis://***@cache:6379/0", RedisSettings.redact("redis://user:s3cret@cache:6379/0"));
        assertEquals("rediss://cache:6380", RedisSettings.redact("rediss://cache:6380"));
        assertEquals("redis://cache?***", RedisSettings.redact("redis://cache?password=s3cret"));
        assertTrue(settings.enabled());
        assertFalse(RedisSettings.NONE.enabled());
    }

    static Map<String, String> pairs(String... keysAndValues) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
