package io.mizan.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * Spans through OpenTelemetry. Loaded only once {@link Telemetry#select} has found the API; it calls
 * nothing that Payara 6's OpenTelemetry 1.29 lacks.
 */
final class OtelTracing implements Tracing {

    /** The instrumentation scope of Mizan's spans and metrics. */
    static final String SCOPE = "io.mizan";

    static final AttributeKey<String> FUNCTION = AttributeKey.stringKey("mizan.function");
    static final AttributeKey<String> ENTRY = AttributeKey.stringKey("mizan.entry");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("mizan.status");
    /** OpenTelemetry's conventions: on a server's failure, the status code as text. */
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private final Tracer tracer;

    OtelTracing(Object openTelemetry) {
        this.tracer = ((OpenTelemetry) openTelemetry).getTracer(SCOPE);
    }

    @Override
    public Tracing.Target target(Kind kind, String name) {
        return new SpanTarget(
                kind.spanName(name),
                kind.incoming() ? SpanKind.SERVER : SpanKind.INTERNAL,
                Attributes.of(FUNCTION, name, ENTRY, kind.entry()));
    }

    @Override
    public String describe() {
        return "OpenTelemetry";
    }

    private final class SpanTarget implements Tracing.Target {
        private final String spanName;
        private final SpanKind spanKind;
        private final Attributes attributes;

        SpanTarget(String spanName, SpanKind spanKind, Attributes attributes) {
            this.spanName = spanName;
            this.spanKind = spanKind;
            this.attributes = attributes;
        }

        @Override
        public Observation start(Metering.Target metrics) {
            // the parent is the current context's span: the server's span of the HTTP request, if any
            Span span = tracer.spanBuilder(spanName)
                    .setSpanKind(spanKind)
                    .setAllAttributes(attributes)
                    .startSpan();
            // current while the function runs, so that spans it makes (a REST client's, @WithSpan) are its children
            Scope scope = span.makeCurrent();
            return new SpanObservation(span, scope, metrics, metrics == null ? 0 : System.nanoTime());
        }
    }

    private record SpanObservation(Span span, Scope scope, Metering.Target metrics, long started)
            implements Observation {
        @Override
        public void end(int status) {
            long took = metrics == null ? 0 : System.nanoTime() - started;
            try {
                outcome(span, status);
                span.end();
            } finally {
                scope.close();
            }
            if (metrics != null) {
                metrics.record(status, took);
            }
        }
    }

    /**
     * Marks a span with the status it answered. As OpenTelemetry's HTTP conventions have it for a
     * server, a 4xx is the client's mistake, kept as an attribute; from 500 on the span is an error.
     */
    static void outcome(Span span, int status) {
        span.setAttribute(STATUS, (long) status);
        if (status >= 500) {
            span.setStatus(StatusCode.ERROR);
            span.setAttribute(ERROR_TYPE, Integer.toString(status));
        }
    }
}
