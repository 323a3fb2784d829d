package io.mizan.it.telemetry;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The span exporter {@code otel.traces.exporter=mizan-memory} names: the server's SDK finds it with
 * the application's class loader (a service of the WAR) and hands it every span of the application,
 * which it keeps in {@link ExportedSpans}. Only a server with OpenTelemetry ever loads it.
 */
public class MemorySpanExporter implements ConfigurableSpanExporterProvider, SpanExporter {

    @Override
    public SpanExporter createExporter(ConfigProperties config) {
        return this;
    }

    @Override
    public String getName() {
        return "mizan-memory";
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        for (SpanData span : spans) {
            Map<String, String> attributes = new TreeMap<>();
            span.getAttributes().forEach((key, value) -> attributes.put(key.getKey(), String.valueOf(value)));
            ExportedSpans.add(new ExportedSpans.Exported(
                    span.getName(),
                    span.getKind().name(),
                    span.getTraceId(),
                    span.getSpanId(),
                    span.getParentSpanId(),
                    span.getStatus().getStatusCode().name(),
                    attributes));
        }
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
