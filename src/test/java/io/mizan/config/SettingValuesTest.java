package io.mizan.config;

import static io.mizan.config.MizanSettingsTest.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.model.ModelException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each setting's accepted values at their edges, and for origins the reason a malformed one is
 * refused: origins are compared as browsers send them, lower-case and without a default port.
 */
class SettingValuesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '#',
            value = {
                "http://app.example#              http://app.example",
                "HTTP://App.Example/#             http://app.example",
                "http://app.example:80#           http://app.example",
                "https://app.example:443#         https://app.example",
                "http://app.example:443#          http://app.example:443",
                "https://app.example:80#          https://app.example:80",
                "http://localhost:5173#           http://localhost:5173",
                "http://localhost:1#              http://localhost:1",
                "http://localhost:65535#          http://localhost:65535",
                "http://127.0.0.1:8080#           http://127.0.0.1:8080",
                "http://[::1]:8080#               http://[::1]:8080",
                "http://[::1]#                    http://[::1]"
            })
    void anOriginIsNormalized(String text, String origin) {
        assertEquals(Optional.of(origin), MizanSettings.normalizeOrigin(text));
        assertEquals(
                Optional.of(origin),
                read(Map.of("mizan.public-origin", " " + text + " ")).publicOrigin());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "http://app example|              it cannot be read as a URL",
                "ftp://app.example|               the scheme must be http or https",
                "app.example|                     the scheme must be http or https",
                "//app.example|                   the scheme must be http or https",
                "http:app.example|                it has no host",
                "http://|                         it cannot be read as a URL",
                "http:///path|                    it has no host",
                "http://ada@app.example|          it has a user name",
                "http://app.example:http|         it has no host",
                "http://app.example:|             the port is not a number",
                "http://app.example:0|            the port is out of range",
                "http://app.example:65536|        the port is out of range",
                "http://app.example/app|          it has a path",
                "http://app.example//|            it has a path",
                "http://app.example?x=1|          it has a query or a fragment",
                "http://app.example/?x|           it has a query or a fragment",
                "http://app.example#top|          it has a query or a fragment"
            })
    void aMalformedOriginIsRefusedWithTheReason(String text, String reason) {
        assertEquals(Optional.empty(), MizanSettings.normalizeOrigin(text));
        ModelException e = assertThrows(ModelException.class, () -> read(Map.of("mizan.allowed-origins", text)));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(
                e.problems().get(0).contains("'" + text + "'")
                        && e.problems().get(0).contains("(" + reason + ")"),
                e.problems().get(0));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
            delimiter = '#',
            value = {
                "''#                                                 ''",
                "' , ,'#                                             ''",
                "http://a.example#                                   http://a.example",
                "' http://a.example ,, https://B.example:8443/ '#    http://a.example|https://b.example:8443"
            })
    void allowedOriginsAreAListWithBlanksSkipped(String value, String origins) {
        assertEquals(
                origins.isEmpty() ? List.of() : List.of(origins.split("\\|")),
                read(Map.of("mizan.allowed-origins", value)).allowedOrigins());
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
            delimiter = '#',
            value = {
                "' , '#                  ''",
                "/#                      /",
                "' /a.html , /app/* '#   /a.html|/app/*",
                "'/a.html,,/b.html'#     /a.html|/b.html"
            })
    void hydrationPathsAreAListWithBlanksSkipped(String value, String paths) {
        assertEquals(
                paths.isEmpty() ? List.of() : List.of(paths.split("\\|")),
                read(Map.of("mizan.hydration.paths", value)).hydrationPaths());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '#',
            value = {
                "mizan.max-body-bytes#    1#                       1",
                "mizan.max-body-bytes#    ' 2048 '#                2048",
                "mizan.max-body-bytes#    9223372036854775807#     9223372036854775807",
                "mizan.schema.enabled#    ' TRUE '#                true",
                "mizan.schema.enabled#    fAlSe#                   false",
                "mizan.manifest.enabled#  false#                   false",
                "mizan.trust-forwarded-headers# ' true'#           true",
                "mizan.etag.key#          0123456789abcdef#        0123456789abcdef",
                "mizan.auth.default#      public#                  PUBLIC"
            })
    void aValueAtItsEdgeIsAccepted(String property, String value, String read) {
        MizanSettings s = read(Map.of(property, value));
        Object actual =
                switch (property) {
                    case "mizan.max-body-bytes" -> s.maxBodyBytes();
                    case "mizan.schema.enabled" -> s.schemaEnabled();
                    case "mizan.manifest.enabled" -> s.manifestEnabled();
                    case "mizan.trust-forwarded-headers" -> s.trustForwardedHeaders();
                    case "mizan.etag.key" -> s.etagKey().orElseThrow();
                    case "mizan.auth.default" -> s.defaultAuth();
                    default -> throw new IllegalArgumentException(property);
                };
        assertEquals(read, String.valueOf(actual));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '#',
            value = {
                "mizan.max-body-bytes#    -1#                      MIZAN-022",
                "mizan.max-body-bytes#    9223372036854775808#     MIZAN-022",
                "mizan.schema.enabled#    t#                       MIZAN-021",
                "mizan.etag.key#          0123456789abcde#         MIZAN-026",
                "mizan.hydration.paths#   '/ok, app/*'#            MIZAN-025"
            })
    void aValueJustPastItsEdgeIsRefused(String property, String value, String id) {
        ModelException e = assertThrows(ModelException.class, () -> read(Map.of(property, value)));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).startsWith(id), e.problems().get(0));
    }

    /**
     * The README says an empty {@code mizan.hydration.paths} switches the hydration filter off, but
     * MicroProfile Config reads an empty value as no value, so the default {@code /index.html} stays.
     */
    @org.junit.jupiter.api.Test
    void noneSwitchesTheHydrationFilterOff() {
        // an empty value cannot: MicroProfile Config reads it as missing, and the default applies
        assertEquals(List.of(), read(Map.of("mizan.hydration.paths", "none")).hydrationPaths());
        assertEquals(List.of(), read(Map.of("mizan.hydration.paths", " NONE ")).hydrationPaths());
        assertEquals(
                List.of("/index.html"),
                read(Map.of("mizan.hydration.paths", "")).hydrationPaths());
    }
}
