package io.mizan.telemetry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Telemetry that records: for each name the model has, per kind, what its span and metrics need,
 * worked out once, so that a call looks it up and starts.
 */
final class Recording extends Telemetry {

    private final String description;
    private final List<Map<String, Probe>> probes;

    Recording(Tracing tracing, Metering metering, Map<Kind, List<String>> names) {
        super(true);
        this.description = "spans " + (tracing == null ? "off" : "through " + tracing.describe()) + ", metrics "
                + (metering == null ? "off" : "through " + metering.describe());
        Map<String, Probe>[] byKind = newArray(Kind.values().length);
        for (Kind kind : Kind.values()) {
            // a HashMap answers a null name (no such function) with null, where Map.copyOf's would throw
            Map<String, Probe> probes = new HashMap<>();
            for (String name : names.getOrDefault(kind, List.of())) {
                probes.put(
                        name,
                        new Probe(
                                tracing == null ? null : tracing.target(kind, name),
                                metering == null ? null : metering.target(kind, name)));
            }
            byKind[kind.ordinal()] = probes;
        }
        this.probes = List.of(byKind);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Probe>[] newArray(int size) {
        return new Map[size];
    }

    @Override
    public Observation start(Kind kind, String name) {
        Probe probe = probes.get(kind.ordinal()).get(name);
        return probe == null ? Observation.NONE : probe.start();
    }

    @Override
    public String describe() {
        return description;
    }

    private record Probe(Tracing.Target span, Metering.Target metrics) {
        Observation start() {
            return span != null ? span.start(metrics) : new Timed(metrics, System.nanoTime());
        }
    }

    /** An observation with metrics and no span. */
    private record Timed(Metering.Target metrics, long started) implements Observation {
        @Override
        public void end(int status) {
            metrics.record(status, System.nanoTime() - started);
        }
    }
}
