package io.mizan.telemetry;

import io.mizan.Scope;
import io.mizan.messages.Messages;
import io.mizan.model.FormModel;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Spans and metrics of every call, context read and channel frame, through what the server
 * provides: OpenTelemetry (MicroProfile Telemetry) for spans, MicroProfile Metrics or OpenTelemetry
 * for metrics. On a server without them it is {@link #OFF}: nothing is recorded or logged, and a call
 * pays one branch.
 *
 * <p>The APIs are optional: no class of theirs is loaded before {@link #select} has found them with
 * the application's class loader, so a server without them never sees a {@code NoClassDefFoundError}.
 *
 * <pre>{@code
 * Telemetry telemetry = Telemetry.select(settings, model, beans, loader);
 * Observation seen = telemetry.start(Kind.CALL, "rename");   // a span, current until it ends
 * ...
 * seen.end(200);                                            // status, duration, counters
 * }</pre>
 */
public abstract class Telemetry {

    private static final Logger LOG = Logger.getLogger(Telemetry.class.getName());

    static final String OPEN_TELEMETRY = "io.opentelemetry.api.OpenTelemetry";
    static final String METRIC_REGISTRY = "org.eclipse.microprofile.metrics.MetricRegistry";

    /** Records nothing. */
    public static final Telemetry OFF = new Telemetry(false) {
        @Override
        public Observation start(Kind kind, String name) {
            return Observation.NONE;
        }

        @Override
        public String describe() {
            return "off";
        }
    };

    private final boolean on;

    Telemetry(boolean on) {
        this.on = on;
    }

    /** Whether anything is recorded: a caller may skip working out a name when not. */
    public final boolean on() {
        return on;
    }

    /**
     * Starts observing a function, context or channel of the model by name. A name the model does
     * not have (an unknown function, answered 404) is not observed: names from the request would
     * make metrics without bound.
     */
    public abstract Observation start(Kind kind, String name);

    /** What is recorded and through what, for the log. */
    public abstract String describe();

    @Override
    public String toString() {
        return "Telemetry[" + describe() + "]";
    }

    /**
     * Chooses what to record through, from the settings and what the server provides.
     *
     * <ul>
     *   <li>spans: OpenTelemetry, when its API is there, the application's MicroProfile Config says
     *       {@code otel.sdk.disabled=false} (MicroProfile Telemetry's switch) and the server offers an
     *       {@code OpenTelemetry} bean;</li>
     *   <li>metrics ({@code mizan.telemetry.metrics=auto}): MicroProfile Metrics when the server offers
     *       a {@code MetricRegistry} bean, else OpenTelemetry when spans could use it.</li>
     * </ul>
     *
     * @param beans the server's beans
     * @param loader the application's class loader, which sees what the server gives it
     * @return {@link #OFF} when nothing is to be recorded
     */
    public static Telemetry select(TelemetrySettings settings, Model model, Beans beans, ClassLoader loader) {
        boolean wantOtel = settings.openTelemetryEnabled()
                && (settings.traces()
                        || settings.metrics() == TelemetrySettings.Metrics.AUTO
                        || settings.metrics() == TelemetrySettings.Metrics.OPENTELEMETRY);
        Object openTelemetry = wantOtel ? bean(OPEN_TELEMETRY, beans, loader) : null;
        Tracing tracing = null;
        if (settings.traces() && openTelemetry != null) {
            tracing = setUp("OpenTelemetry", () -> new OtelTracing(openTelemetry));
        }
        Metering metering =
                switch (settings.metrics()) {
                    case NONE -> null;
                    case MICROPROFILE -> microProfile(beans, loader);
                    case OPENTELEMETRY -> openTelemetry(openTelemetry);
                    case AUTO -> {
                        Metering mp = microProfile(beans, loader);
                        yield mp != null ? mp : openTelemetry(openTelemetry);
                    }
                };
        if (tracing == null && metering == null) {
            return OFF;
        }
        return new Recording(tracing, metering, names(model));
    }

    private static Metering microProfile(Beans beans, ClassLoader loader) {
        if (!present(METRIC_REGISTRY, loader)) {
            return null;
        }
        return setUp("MicroProfile Metrics", () -> {
            Object registry = MpMetering.applicationRegistry(beans);
            return registry == null ? null : new MpMetering(registry);
        });
    }

    private static Metering openTelemetry(Object openTelemetry) {
        return openTelemetry == null ? null : setUp("OpenTelemetry", () -> new OtelMetering(openTelemetry));
    }

    /** Whether the application sees a class of this name: the server offers its API. */
    static boolean present(String type, ClassLoader loader) {
        try {
            Class.forName(type, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false; // the server does not offer the API: nothing to say
        }
    }

    /** The server's bean of a type named so, or {@code null} when the type or the bean is missing. */
    static Object bean(String type, Beans beans, ClassLoader loader) {
        if (!present(type, loader)) {
            return null;
        }
        return setUp(type, () -> beans.get(Class.forName(type, false, loader)));
    }

    private interface SetUp<T> {
        T run() throws ReflectiveOperationException;
    }

    private static <T> T setUp(String what, SetUp<T> work) {
        try {
            return work.run();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // a bean that fails, an API too old or half there: record nothing through it
            LOG.log(Level.WARNING, Messages.telemetryNotSetUp(what, String.valueOf(e)), e);
            return null;
        }
    }

    /** The names each kind observes: what the model answers to, and nothing else. */
    static Map<Kind, List<String>> names(Model model) {
        Map<Kind, List<String>> names = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            names.put(kind, new ArrayList<>());
        }
        for (FunctionModel f : model.functions().values()) {
            if (!f.viewPath()) {
                names.get(Kind.CALL).add(f.name());
            }
            if (f.isContext()) {
                names.get(Kind.CONTEXT).add(f.name());
            }
            if (f.scope() == Scope.GLOBAL) {
                names.get(Kind.HYDRATE).add(f.name());
            }
        }
        for (FormModel form : model.forms().values()) {
            names.get(Kind.CALL).add(form.name() + FormModel.SCHEMA);
            names.get(Kind.CALL).add(form.name() + FormModel.VALIDATE);
        }
        for (String channel : model.channels().keySet()) {
            names.get(Kind.JOIN).add(channel);
            names.get(Kind.RECEIVE).add(channel);
        }
        return names;
    }
}
