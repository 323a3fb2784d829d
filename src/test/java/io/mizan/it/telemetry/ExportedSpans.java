package io.mizan.it.telemetry;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The spans the server's OpenTelemetry SDK exported in this application, as plain values: what
 * {@link SpansResource} answers. It names no OpenTelemetry class, so that the resource deploys on a
 * server without OpenTelemetry too.
 */
public final class ExportedSpans {

    /** Enough for the core tests' requests; older spans are dropped past it. */
    private static final int KEEP = 20_000;

    private static final List<Exported> SPANS = new ArrayList<>();

    private ExportedSpans() {}

    /** One exported span. */
    public record Exported(
            String name,
            String kind,
            String traceId,
            String spanId,
            String parentSpanId,
            String status,
            Map<String, String> attributes) {}

    static synchronized void add(Exported span) {
        if (SPANS.size() >= KEEP) {
            SPANS.remove(0);
        }
        SPANS.add(span);
    }

    /** The spans of one trace, as JSON. */
    public static synchronized String ofTrace(String traceId) {
        JsonArrayBuilder out = Json.createArrayBuilder();
        for (Exported s : SPANS) {
            if (s.traceId().equals(traceId)) {
                JsonObjectBuilder attributes = Json.createObjectBuilder();
                s.attributes().forEach(attributes::add);
                out.add(Json.createObjectBuilder()
                        .add("name", s.name())
                        .add("kind", s.kind())
                        .add("traceId", s.traceId())
                        .add("spanId", s.spanId())
                        .add("parentSpanId", s.parentSpanId())
                        .add("status", s.status())
                        .add("attributes", attributes));
            }
        }
        return out.build().toString();
    }
}
