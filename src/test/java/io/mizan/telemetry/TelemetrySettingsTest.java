package io.mizan.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mizan.messages.Messages;
import io.mizan.model.ModelException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class TelemetrySettingsTest {

    static TelemetrySettings read(Map<String, String> properties) {
        return TelemetrySettings.from(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build());
    }

    @Test
    void defaults() {
        assertEquals(TelemetrySettings.DEFAULTS, read(Map.of()));
        assertEquals(new TelemetrySettings(true, TelemetrySettings.Metrics.AUTO, false), read(Map.of()));
    }

    @Test
    void openTelemetryIsOnOnlyWhenTheSdkIsNotDisabled() {
        assertEquals(true, read(Map.of("otel.sdk.disabled", "false")).openTelemetryEnabled());
        assertEquals(true, read(Map.of("otel.sdk.disabled", " FALSE ")).openTelemetryEnabled());
        assertEquals(false, read(Map.of("otel.sdk.disabled", "true")).openTelemetryEnabled());
    }

    @Test
    void everySettingIsRead() {
        assertEquals(
                new TelemetrySettings(false, TelemetrySettings.Metrics.OPENTELEMETRY, true),
                read(Map.of(
                        "mizan.telemetry.traces", "False",
                        "mizan.telemetry.metrics", " OpenTelemetry ",
                        "otel.sdk.disabled", "false")));
        assertEquals(
                TelemetrySettings.Metrics.NONE,
                read(Map.of("mizan.telemetry.metrics", "none")).metrics());
        assertEquals(
                TelemetrySettings.Metrics.MICROPROFILE,
                read(Map.of("mizan.telemetry.metrics", "microprofile")).metrics());
    }

    @Test
    void malformedSettingsAreAllReported() {
        ModelException e = assertThrows(
                ModelException.class,
                () -> read(Map.of("mizan.telemetry.traces", "yes", "mizan.telemetry.metrics", "prometheus")));
        assertEquals(
                List.of("MIZAN-021", "MIZAN-060"),
                e.problems().stream().map(Messages::id).sorted().toList());
        assertEquals(
                "MIZAN-060 mizan.telemetry.metrics: 'prometheus' is not auto, microprofile, opentelemetry or none."
                        + " Fix: set it to one of them, or leave it out (auto).",
                e.problems().stream()
                        .filter(p -> p.startsWith("MIZAN-060"))
                        .findFirst()
                        .orElseThrow());
    }
}
