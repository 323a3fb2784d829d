package io.mizan.telemetry;

import jakarta.enterprise.util.AnnotationLiteral;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

import java.time.Duration;

/**
 * {@code mizan.calls} (a counter) and {@code mizan.call.duration} (a timer) in the application's
 * MicroProfile Metrics registry, which the server publishes (Payara at {@code /metrics}). A metric is
 * registered at its first call, so that functions never called do not fill the output.
 */
final class MpMetering implements Metering {

    private static final Metadata CALLS = Metadata.builder()
            .withName("mizan.calls")
            .withDescription("Calls, context reads and channel frames, by function, entry and status")
            .build();
    private static final Metadata DURATION = Metadata.builder()
            .withName("mizan.call.duration")
            .withDescription("How long calls, context reads and channel frames take, by function and entry")
            .build();

    private final MetricRegistry registry;

    /**
     * The application's registry. Asked for with {@code @RegistryType(type = APPLICATION)} first:
     * Payara's {@code @Default} producer reads the injection point, which a lookup in code has not.
     */
    static Object applicationRegistry(Beans beans) {
        try {
            Object registry = beans.get(MetricRegistry.class, new ApplicationRegistry());
            if (registry != null) {
                return registry;
            }
        } catch (RuntimeException e) {
            // a server without that producer: its @Default one
        }
        return beans.get(MetricRegistry.class);
    }

    @SuppressWarnings("deprecation") // RegistryScope's replacement needs an injection point
    private static final class ApplicationRegistry extends AnnotationLiteral<RegistryType> implements RegistryType {
        @Override
        public MetricRegistry.Type type() {
            return MetricRegistry.Type.APPLICATION;
        }
    }

    MpMetering(Object registry) {
        this.registry = (MetricRegistry) registry;
    }

    @Override
    public Metering.Target target(Kind kind, String name) {
        return new Instruments(new Tag("function", name), new Tag("entry", kind.entry()));
    }

    @Override
    public String describe() {
        return "MicroProfile Metrics";
    }

    private final class Instruments implements Metering.Target {
        private final Tag function;
        private final Tag entry;
        private final PerStatus<Counter> counters = new PerStatus<>();
        private volatile Timer timer;

        Instruments(Tag function, Tag entry) {
            this.function = function;
            this.entry = entry;
        }

        @Override
        public void record(int status, long nanos) {
            counters.get(status, s -> registry.counter(CALLS, function, entry, new Tag("status", Integer.toString(s))))
                    .inc();
            Timer t = timer;
            if (t == null) { // a race registers it twice: the registry gives both the same timer
                t = registry.timer(DURATION, function, entry);
                timer = t;
            }
            t.update(Duration.ofNanos(nanos));
        }
    }
}
