package io.mizan.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.Auth;
import io.mizan.messages.LogCapture;
import io.mizan.messages.Messages;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which recorders {@link Telemetry#select} chooses from what the server offers, and what a call's
 * observation becomes: its span (name, parent, attributes, outcome) and its metrics.
 */
class TelemetryTest {

    static final Model MODEL = new ModelBuilder(Auth.PUBLIC).build(List.of(Shop.class));
    static final TelemetrySettings OTEL_ON = new TelemetrySettings(true, TelemetrySettings.Metrics.AUTO, true);

    final InMemorySpanExporter spans = InMemorySpanExporter.create();
    final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .setMeterProvider(
                    SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .build();
    final List<String> askedFor = new ArrayList<>();

    @AfterEach
    void close() {
        sdk.close();
    }

    /** The server's beans: these objects by type (whatever the qualifiers), nothing else. */
    Beans offering(Object... beans) {
        return (type, qualifiers) -> {
            askedFor.add(type.getName()
                    + java.util.Arrays.stream(qualifiers)
                            .map(q -> " @" + q.annotationType().getSimpleName())
                            .collect(java.util.stream.Collectors.joining()));
            for (Object bean : beans) {
                if (type.isInstance(bean)) {
                    return bean;
                }
            }
            return null;
        };
    }

    Telemetry select(TelemetrySettings settings, Object... beans) {
        return Telemetry.select(settings, MODEL, offering(beans), getClass().getClassLoader());
    }

    // --- selection ---

    @Test
    void offWhenTheServerOffersNeitherApi() {
        assertSame(Telemetry.OFF, select(OTEL_ON));
        assertFalse(Telemetry.OFF.on());
        assertSame(Observation.NONE, Telemetry.OFF.start(Kind.CALL, "greet"));
    }

    @Test
    void openTelemetryIsNotAskedForUntilTheApplicationSwitchesItOn() {
        // MicroProfile Telemetry's rule: off unless otel.sdk.disabled=false
        Telemetry t = select(TelemetrySettings.DEFAULTS, sdk);
        assertSame(Telemetry.OFF, t);
        assertFalse(askedFor.contains(Telemetry.OPEN_TELEMETRY), askedFor.toString());
        t.start(Kind.CALL, "greet").end(200);
        assertEquals(List.of(), spans.getFinishedSpanItems());
    }

    @Test
    void nothingIsAskedForWhenBothAreSwitchedOff() {
        assertSame(Telemetry.OFF, select(new TelemetrySettings(false, TelemetrySettings.Metrics.NONE, true), sdk));
        assertEquals(List.of(), askedFor);
    }

    @Test
    void withOpenTelemetryAloneSpansAndMetricsGoThroughIt() {
        Telemetry t = select(OTEL_ON, sdk);
        assertTrue(t.on());
        assertEquals("spans through OpenTelemetry, metrics through OpenTelemetry", t.describe());
    }

    @Test
    void aMetricRegistryTakesTheMetricsAndOpenTelemetryKeepsTheSpans() {
        FakeRegistry registry = new FakeRegistry();
        Telemetry t = select(OTEL_ON, sdk, registry.proxy());
        assertEquals("spans through OpenTelemetry, metrics through MicroProfile Metrics", t.describe());
        t.start(Kind.CALL, "greet").end(200);
        assertEquals(1, spans.getFinishedSpanItems().size());
        assertEquals(Map.of("mizan.calls{entry=call,function=greet,status=200}", 1L), registry.counts());
        assertEquals(List.of("mizan.call.duration{entry=call,function=greet}"), registry.timed());
        assertNull(metric("mizan.calls"), "not counted twice");
        assertEquals(
                List.of(
                        Telemetry.OPEN_TELEMETRY,
                        Telemetry.METRIC_REGISTRY + " @RegistryType"), // the application's, asked for by name
                askedFor);
    }

    @Test
    void aServerWhoseRegistryHasNoTypeQualifierGivesItsDefaultOne() {
        FakeRegistry registry = new FakeRegistry();
        Object proxy = registry.proxy();
        Telemetry t = Telemetry.select(
                TelemetrySettings.DEFAULTS,
                MODEL,
                (type, qualifiers) -> {
                    if (qualifiers.length > 0) {
                        throw new IllegalStateException("unsatisfied: " + qualifiers[0]);
                    }
                    return type.isInstance(proxy) ? proxy : null;
                },
                getClass().getClassLoader());
        assertEquals("spans off, metrics through MicroProfile Metrics", t.describe());
        t.start(Kind.CALL, "greet").end(200);
        assertEquals(Map.of("mizan.calls{entry=call,function=greet,status=200}", 1L), registry.counts());
    }

    @Test
    void theMetricsSettingChoosesTheApi() {
        FakeRegistry registry = new FakeRegistry();
        assertEquals(
                "spans through OpenTelemetry, metrics through OpenTelemetry",
                select(
                                new TelemetrySettings(true, TelemetrySettings.Metrics.OPENTELEMETRY, true),
                                sdk,
                                registry.proxy())
                        .describe());
        assertEquals(
                "spans through OpenTelemetry, metrics off",
                select(new TelemetrySettings(true, TelemetrySettings.Metrics.NONE, true), sdk, registry.proxy())
                        .describe());
        assertEquals(
                "spans off, metrics through MicroProfile Metrics",
                select(new TelemetrySettings(false, TelemetrySettings.Metrics.AUTO, true), sdk, registry.proxy())
                        .describe());
        // without otel.sdk.disabled=false, MicroProfile Metrics still counts
        assertEquals(
                "spans off, metrics through MicroProfile Metrics",
                select(TelemetrySettings.DEFAULTS, sdk, registry.proxy()).describe());
        assertSame(
                Telemetry.OFF, select(new TelemetrySettings(true, TelemetrySettings.Metrics.MICROPROFILE, false), sdk));
    }

    @Test
    void aServerWhoseBeanFailsIsLoggedOnceAndRecordsNothingThroughIt() {
        try (LogCapture log = LogCapture.of(Telemetry.class.getName())) {
            Telemetry t = Telemetry.select(
                    OTEL_ON,
                    MODEL,
                    (type, qualifiers) -> {
                        throw new IllegalStateException("no application is running");
                    },
                    getClass().getClassLoader());
            assertSame(Telemetry.OFF, t);
            assertEquals(
                    List.of("MIZAN-211", "MIZAN-211"),
                    log.messages().stream().map(Messages::id).toList());
        }
    }

    @Test
    void withoutTheApisOnTheClassPathNoneOfTheirClassesIsLoaded() throws Exception {
        try (WithoutTheApis loader = new WithoutTheApis()) {
            // the loader is real: what names OpenTelemetry cannot be linked in it
            assertThrows(NoClassDefFoundError.class, () -> Class.forName(OtelTracing.class.getName(), true, loader));
            @SuppressWarnings("unchecked")
            java.util.function.Supplier<String> run =
                    (java.util.function.Supplier<String>) loader.loadClass(SelectWithoutTheApis.class.getName())
                            .getDeclaredConstructor()
                            .newInstance();
            assertEquals("off", run.get());
        }
    }

    // --- spans ---

    @Test
    void aCallIsASpanNamedAfterItsFunctionInsideTheRequestsSpan() {
        Telemetry t = select(OTEL_ON, sdk);
        Tracer server = sdk.getTracer("server");
        Span request = server.spanBuilder("POST /api/mizan/call/{path}")
                .setSpanKind(SpanKind.SERVER)
                .startSpan();
        try (Scope s = request.makeCurrent()) {
            Observation seen = t.start(Kind.CALL, "greet");
            assertEquals("mizan call greet", ((io.opentelemetry.sdk.trace.ReadableSpan) Span.current()).getName());
            seen.end(200);
            assertSame(request, Span.current(), "the request's span is current again");
        } finally {
            request.end();
        }
        SpanData call = span("mizan call greet");
        assertEquals(request.getSpanContext().getSpanId(), call.getParentSpanId());
        assertEquals(request.getSpanContext().getTraceId(), call.getTraceId());
        assertEquals(SpanKind.INTERNAL, call.getKind());
        assertEquals("greet", call.getAttributes().get(AttributeKey.stringKey("mizan.function")));
        assertEquals("call", call.getAttributes().get(AttributeKey.stringKey("mizan.entry")));
        assertEquals(200L, call.getAttributes().get(AttributeKey.longKey("mizan.status")));
        assertEquals(StatusCode.UNSET, call.getStatus().getStatusCode());
        assertEquals("io.mizan", call.getInstrumentationScopeInfo().getName());
    }

    @Test
    void aClientErrorIsAnAttributeAndAServerFailureAnError() {
        Telemetry t = select(OTEL_ON, sdk);
        t.start(Kind.CALL, "greet").end(422);
        SpanData refused = spans.getFinishedSpanItems().get(0);
        assertEquals(StatusCode.UNSET, refused.getStatus().getStatusCode());
        assertEquals(422L, refused.getAttributes().get(AttributeKey.longKey("mizan.status")));
        assertNull(refused.getAttributes().get(AttributeKey.stringKey("error.type")));

        t.start(Kind.CALL, "greet").end(500);
        SpanData failed = spans.getFinishedSpanItems().get(1);
        assertEquals(StatusCode.ERROR, failed.getStatus().getStatusCode());
        assertEquals(500L, failed.getAttributes().get(AttributeKey.longKey("mizan.status")));
        assertEquals("500", failed.getAttributes().get(AttributeKey.stringKey("error.type")));
    }

    @Test
    void eachEntryNamesItsSpan() {
        Telemetry t = select(OTEL_ON, sdk);
        t.start(Kind.CONTEXT, "stock").end(304);
        t.start(Kind.HYDRATE, "settings").end(200);
        Recording channels = new Recording(
                new OtelTracing(sdk), null, Map.of(Kind.JOIN, List.of("chat"), Kind.RECEIVE, List.of("chat")));
        channels.start(Kind.JOIN, "chat").end(403);
        channels.start(Kind.RECEIVE, "chat").end(200);
        assertEquals(
                List.of(
                        "mizan ctx stock INTERNAL ctx",
                        "mizan hydrate settings INTERNAL hydrate",
                        "mizan channel chat join SERVER join",
                        "mizan channel chat receive SERVER receive"),
                spans.getFinishedSpanItems().stream()
                        .map(s -> s.getName() + " " + s.getKind() + " "
                                + s.getAttributes().get(AttributeKey.stringKey("mizan.entry")))
                        .toList());
    }

    @Test
    void namesTheModelDoesNotHaveAreNotObserved() {
        Telemetry t = select(OTEL_ON, sdk);
        assertSame(Observation.NONE, t.start(Kind.CALL, "nosuch"));
        assertSame(Observation.NONE, t.start(Kind.CALL, null));
        assertSame(Observation.NONE, t.start(Kind.CONTEXT, "greet"), "a function that is no context");
        assertSame(Observation.NONE, t.start(Kind.HYDRATE, "stock"), "a local context is never hydrated");
        assertSame(Observation.NONE, t.start(Kind.JOIN, "chat"), "the model has no channel");
        assertEquals(List.of(), spans.getFinishedSpanItems());
    }

    // --- metrics ---

    @Test
    void openTelemetryCountsByFunctionEntryAndStatusAndTimesByFunctionAndEntry() {
        Telemetry t = select(new TelemetrySettings(false, TelemetrySettings.Metrics.AUTO, true), sdk);
        t.start(Kind.CALL, "greet").end(200);
        t.start(Kind.CALL, "greet").end(200);
        t.start(Kind.CALL, "greet").end(422);
        t.start(Kind.CONTEXT, "stock").end(304);
        assertEquals(List.of(), spans.getFinishedSpanItems(), "mizan.telemetry.traces=false");

        MetricData calls = metric("mizan.calls");
        assertEquals("{call}", calls.getUnit());
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (LongPointData p : calls.getLongSumData().getPoints()) {
            counts.put(attributes(p.getAttributes()), p.getValue());
        }
        assertEquals(
                Map.of(
                        "entry=call,function=greet,status=200", 2L,
                        "entry=call,function=greet,status=422", 1L,
                        "entry=ctx,function=stock,status=304", 1L),
                counts);

        MetricData duration = metric("mizan.call.duration");
        assertEquals("s", duration.getUnit());
        Map<String, Long> timed = new java.util.TreeMap<>();
        for (HistogramPointData p : duration.getHistogramData().getPoints()) {
            timed.put(attributes(p.getAttributes()), p.getCount());
            assertEquals(OtelMetering.BUCKETS, p.getBoundaries(), "the advice is taken");
            assertTrue(p.getSum() >= 0 && p.getSum() < 10, "seconds: " + p.getSum());
        }
        assertEquals(Map.of("entry=call,function=greet", 3L, "entry=ctx,function=stock", 1L), timed);
    }

    @Test
    void aSpanAndItsMetricsTogether() {
        Telemetry t = select(OTEL_ON, sdk);
        t.start(Kind.CALL, "greet").end(503);
        assertEquals(StatusCode.ERROR, span("mizan call greet").getStatus().getStatusCode());
        assertEquals(
                1L,
                metric("mizan.calls")
                        .getLongSumData()
                        .getPoints()
                        .iterator()
                        .next()
                        .getValue());
    }

    // --- helpers ---

    SpanData span(String name) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " in " + spans.getFinishedSpanItems()));
    }

    MetricData metric(String name) {
        return metrics.collectAllMetrics().stream()
                .filter(m -> m.getName().equals(name))
                .findFirst()
                .orElse(null);
    }

    static String attributes(Attributes attributes) {
        return attributes.asMap().entrySet().stream()
                .map(e -> e.getKey().getKey() + "=" + e.getValue())
                .sorted()
                .collect(java.util.stream.Collectors.joining(","));
    }

    /** A server's MicroProfile Metrics registry, as far as Mizan uses it. */
    static final class FakeRegistry {
        private final Map<String, Long> counts = new java.util.TreeMap<>();
        private final List<String> timed = new ArrayList<>();

        MetricRegistry proxy() {
            return (MetricRegistry) java.lang.reflect.Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {MetricRegistry.class}, (p, method, args) -> {
                        String id = ((org.eclipse.microprofile.metrics.Metadata) args[0]).getName()
                                + java.util.Arrays.stream((org.eclipse.microprofile.metrics.Tag[]) args[1])
                                        .map(tag -> tag.getTagName() + "=" + tag.getTagValue())
                                        .sorted()
                                        .collect(java.util.stream.Collectors.joining(",", "{", "}"));
                        return switch (method.getName()) {
                            case "counter" -> counter(id);
                            case "timer" -> timer(id);
                            default -> throw new UnsupportedOperationException(method.toString());
                        };
                    });
        }

        private Object counter(String id) {
            return java.lang.reflect.Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {org.eclipse.microprofile.metrics.Counter.class},
                    (p, method, args) -> {
                        if (method.getName().equals("inc")) {
                            counts.merge(id, 1L, Long::sum);
                            return null;
                        }
                        throw new UnsupportedOperationException(method.toString());
                    });
        }

        private Object timer(String id) {
            return java.lang.reflect.Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {org.eclipse.microprofile.metrics.Timer.class},
                    (p, method, args) -> {
                        if (method.getName().equals("update")) {
                            timed.add(id);
                            return null;
                        }
                        throw new UnsupportedOperationException(method.toString());
                    });
        }

        Map<String, Long> counts() {
            return counts;
        }

        List<String> timed() {
            return timed;
        }
    }
}
