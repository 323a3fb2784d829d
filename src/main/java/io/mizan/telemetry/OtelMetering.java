package io.mizan.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;

import java.util.List;

/** {@code mizan.calls} and {@code mizan.call.duration} through OpenTelemetry's metrics API. */
final class OtelMetering implements Metering {

    static final AttributeKey<String> FUNCTION = AttributeKey.stringKey("function");
    static final AttributeKey<String> ENTRY = AttributeKey.stringKey("entry");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("status");

    /**
     * Seconds, as OpenTelemetry's HTTP durations, from half a millisecond: most calls take less than
     * the conventions' first bucket (5 ms).
     */
    static final List<Double> BUCKETS =
            List.of(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 10.0);

    private final LongCounter calls;
    private final DoubleHistogram duration;

    OtelMetering(Object openTelemetry) {
        Meter meter = ((OpenTelemetry) openTelemetry).getMeter(OtelTracing.SCOPE);
        calls = meter.counterBuilder("mizan.calls")
                .setDescription("Calls, context reads and channel frames, by function, entry and status")
                .setUnit("{call}")
                .build();
        DoubleHistogramBuilder builder = meter.histogramBuilder("mizan.call.duration")
                .setDescription("How long calls, context reads and channel frames take, by function and entry")
                .setUnit("s");
        try {
            builder = builder.setExplicitBucketBoundariesAdvice(BUCKETS);
        } catch (LinkageError older) {
            // the API before 1.32 (Payara 6 has 1.29) takes no advice: the SDK's own buckets, or a view's
        }
        duration = builder.build();
    }

    @Override
    public Metering.Target target(Kind kind, String name) {
        return new Instruments(Attributes.of(FUNCTION, name, ENTRY, kind.entry()));
    }

    @Override
    public String describe() {
        return "OpenTelemetry";
    }

    private final class Instruments implements Metering.Target {
        private final Attributes attributes;
        private final PerStatus<Attributes> withStatus = new PerStatus<>();

        Instruments(Attributes attributes) {
            this.attributes = attributes;
        }

        @Override
        public void record(int status, long nanos) {
            calls.add(1, withStatus.get(status, s -> attributes.toBuilder()
                    .put(STATUS, (long) s)
                    .build()));
            duration.record(nanos / 1e9, attributes);
        }
    }
}
