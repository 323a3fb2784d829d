package io.mizan.telemetry;

import io.mizan.messages.Messages;
import io.mizan.model.ModelException;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What Mizan records, from MicroProfile Config.
 *
 * @param traces {@code mizan.telemetry.traces}: whether calls become spans when OpenTelemetry is on
 *               ({@code true})
 * @param metrics {@code mizan.telemetry.metrics}: through what metrics go ({@code auto})
 * @param openTelemetryEnabled whether the application switched OpenTelemetry on with
 *                             {@code otel.sdk.disabled=false} (MicroProfile Telemetry's own switch, also
 *                             read from the system property or {@code OTEL_SDK_DISABLED})
 */
public record TelemetrySettings(boolean traces, Metrics metrics, boolean openTelemetryEnabled) {

    /** Through what metrics go. */
    public enum Metrics {
        /** MicroProfile Metrics when the server offers it, else OpenTelemetry when it is on. */
        AUTO,
        /** MicroProfile Metrics only. */
        MICROPROFILE,
        /** OpenTelemetry only (its metrics exporter must be configured: Payara 6's is {@code none}). */
        OPENTELEMETRY,
        /** No metrics. */
        NONE
    }

    /** What an application that says nothing gets. */
    public static final TelemetrySettings DEFAULTS = new TelemetrySettings(true, Metrics.AUTO, false);

    /**
     * Reads the settings.
     *
     * @throws ModelException naming every malformed setting and its fix
     */
    public static TelemetrySettings from(Config config) {
        List<String> problems = new ArrayList<>();
        boolean traces = true;
        Optional<String> t = config.getOptionalValue("mizan.telemetry.traces", String.class);
        if (t.isPresent()) {
            String v = t.get().trim();
            if (v.equalsIgnoreCase("false")) {
                traces = false;
            } else if (!v.equalsIgnoreCase("true")) {
                problems.add(Messages.settingNotBoolean("mizan.telemetry.traces", t.get()));
            }
        }
        Metrics metrics = Metrics.AUTO;
        Optional<String> m = config.getOptionalValue("mizan.telemetry.metrics", String.class);
        if (m.isPresent()) {
            try {
                metrics = Metrics.valueOf(m.get().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(Messages.telemetryMetricsSetting(m.get()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ModelException(problems);
        }
        boolean otel = config.getOptionalValue("otel.sdk.disabled", String.class)
                .map(v -> v.trim().equalsIgnoreCase("false"))
                .orElse(false);
        return new TelemetrySettings(traces, metrics, otel);
    }
}
