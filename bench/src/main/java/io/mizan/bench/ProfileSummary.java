package io.mizan.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the server's time goes, per endpoint: reads a flight recording of the Payara Micro process
 * made during a {@link CallsBench} run and that run's phase windows ({@code target/phases.csv}), and
 * estimates, for each endpoint, the server CPU per request spent with a given frame on the stack.
 *
 * <p>Estimate: (samples in the phase with the frame ÷ all samples in the phase) × the phase's measured
 * server CPU per request. Execution samples only see threads running Java code, so GC, JIT and
 * kernel time are spread over the categories in proportion: read the numbers as rough shares.
 *
 * <pre>
 * mvn -B -q -f bench/pom.xml package exec:exec@calls \
 *     "-Dbench.serverJvmArgs=-XX:StartFlightRecording=filename=target/payara.jfr,settings=profile,dumponexit=true -XX:FlightRecorderOptions=stackdepth=256"
 * mvn -B -q -f bench/pom.xml exec:exec@profile
 * </pre>
 */
public final class ProfileSummary {

    static final String RECORDING_COMMAND = "mvn -B -q -f bench/pom.xml package exec:exec@calls"
            + " \"-Dbench.serverJvmArgs=-XX:StartFlightRecording=filename=target/payara.jfr,settings=profile,"
            + "dumponexit=true -XX:FlightRecorderOptions=stackdepth=256\"";

    /** Categories: a label and a frame prefix that puts a sample in it (a sample can be in several). */
    private static final Map<String, String> CATEGORIES = new LinkedHashMap<>();

    static {
        // the baseline's body is read and validated by Jersey before its (trivial) method runs
        CATEGORIES.put("inside MizanResource.call / the plain resource method", "@resource");
        CATEGORIES.put("Soteria SecurityContext.getCallerPrincipal", "org.glassfish.soteria.SecurityContextImpl.getCallerPrincipal");
        CATEGORIES.put("Mizan AccessPolicy.enforce", "io.mizan.security.AccessPolicy.enforce");
        CATEGORIES.put("Mizan ClientInterceptor.around", "io.mizan.cdi.ClientInterceptor.around");
        CATEGORIES.put("Bean Validation (Hibernate Validator)", "org.hibernate.validator.");
        CATEGORIES.put("JSON-B (Yasson)", "org.eclipse.yasson.");
        CATEGORIES.put("JSON-P (Parsson)", "org.eclipse.parsson.");
        CATEGORIES.put("Mizan StrictJson / ArgumentBinder", "@strict");
        CATEGORIES.put("Jersey response building (OutboundJaxrsResponse)", "org.glassfish.jersey.message.internal.OutboundJaxrsResponse");
        CATEGORIES.put("HK2 @Context proxies", "org.jvnet.hk2.internal.MethodInterceptorInvocationHandler.invoke");
    }

    private record Window(String endpoint, long start, long end, long requests, double serverCpu) {
    }

    private static final class Tally {
        long samples;
        final Map<String, Long> categories = new LinkedHashMap<>();
        final Map<String, Long> dispatcherCallees = new TreeMap<>();
        double serverCpu;
        long requests;
    }

    public static void main(String[] args) throws IOException {
        Path jfr = Path.of(args.length > 0 ? args[0] : "target/payara.jfr");
        Path csv = Path.of(args.length > 1 ? args[1] : "target/phases.csv");
        List<Window> windows = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            windows.add(new Window(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                    Double.parseDouble(f[4])));
        }
        Map<String, Tally> byEndpoint = new LinkedHashMap<>();
        Map<Window, Tally> byWindow = new LinkedHashMap<>();
        for (Window w : windows) {
            byWindow.put(w, new Tally());
            Tally t = byEndpoint.computeIfAbsent(w.endpoint(), k -> new Tally());
            t.serverCpu += w.serverCpu();
            t.requests += w.requests();
        }
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                    continue;
                }
                long t = e.getStartTime().toEpochMilli();
                Window w = windows.stream().filter(x -> t >= x.start() && t < x.end()).findFirst().orElse(null);
                if (w == null) {
                    continue;
                }
                List<String> frames = new ArrayList<>();
                for (RecordedFrame f : e.getStackTrace().getFrames()) {
                    frames.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
                }
                Tally tally = byWindow.get(w);
                tally.samples++;
                for (Map.Entry<String, String> c : CATEGORIES.entrySet()) {
                    if (matches(frames, c.getValue())) {
                        tally.categories.merge(c.getKey(), 1L, Long::sum);
                    }
                }
                int call = frames.indexOf("io.mizan.rpc.Dispatcher.call");
                if (call > 0) {
                    tally.dispatcherCallees.merge(shorten(frames.get(call - 1)), 1L, Long::sum);
                } else if (call == 0) {
                    tally.dispatcherCallees.merge("(Dispatcher.call itself)", 1L, Long::sum);
                }
            }
        }
        // per endpoint: sum over its phases of share × CPU, divided by its requests
        Map<String, Map<String, Double>> micros = new LinkedHashMap<>();
        Map<String, Map<String, Double>> callees = new LinkedHashMap<>();
        Map<String, Long> samples = new LinkedHashMap<>();
        for (Map.Entry<Window, Tally> e : byWindow.entrySet()) {
            Window w = e.getKey();
            Tally t = e.getValue();
            samples.merge(w.endpoint(), t.samples, Long::sum);
            if (t.samples == 0) {
                continue;
            }
            double cpuMicros = w.serverCpu() * 1e6;
            long requests = byEndpoint.get(w.endpoint()).requests;
            Map<String, Double> m = micros.computeIfAbsent(w.endpoint(), k -> new LinkedHashMap<>());
            for (String c : CATEGORIES.keySet()) {
                m.merge(c, t.categories.getOrDefault(c, 0L) / (double) t.samples * cpuMicros / requests, Double::sum);
            }
            Map<String, Double> d = callees.computeIfAbsent(w.endpoint(), k -> new TreeMap<>());
            t.dispatcherCallees.forEach((k, v) -> d.merge(k, v / (double) t.samples * cpuMicros / requests, Double::sum));
        }
        StringBuilder out = new StringBuilder();
        out.append("Server CPU per request by what is on the stack (estimates from ").append(jfr).append(")\n\n");
        List<String> endpoints = new ArrayList<>(byEndpoint.keySet());
        out.append(String.format(Locale.ROOT, "%-56s", "µs per request"));
        endpoints.forEach(ep -> out.append(String.format(Locale.ROOT, " %24s", ep)));
        out.append('\n');
        out.append(String.format(Locale.ROOT, "%-56s", "server CPU (measured)"));
        endpoints.forEach(ep -> out.append(String.format(Locale.ROOT, " %24.1f",
                byEndpoint.get(ep).serverCpu / byEndpoint.get(ep).requests * 1e6)));
        out.append('\n');
        for (String c : CATEGORIES.keySet()) {
            out.append(String.format(Locale.ROOT, "%-56s", c));
            endpoints.forEach(ep -> out.append(String.format(Locale.ROOT, " %24.1f",
                    micros.getOrDefault(ep, Map.of()).getOrDefault(c, 0.0))));
            out.append('\n');
        }
        out.append(String.format(Locale.ROOT, "%-56s", "(execution samples)"));
        endpoints.forEach(ep -> out.append(String.format(Locale.ROOT, " %24d", samples.getOrDefault(ep, 0L))));
        out.append("\n\nMizan: Dispatcher.call's direct callees, µs per request\n");
        for (String ep : endpoints) {
            Map<String, Double> d = callees.get(ep);
            if (d == null || d.isEmpty()) {
                continue;
            }
            out.append(ep).append('\n');
            d.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(10)
                    .forEach(x -> out.append(String.format(Locale.ROOT, "  %7.1f  %s%n", x.getValue(), x.getKey())));
        }
        System.out.print(out);
        // the results file: this step, then the profiled run that made the recording (its own command and table)
        Path bench = jfr.toAbsolutePath().getParent().getParent();
        Path run = jfr.resolveSibling("calls-profiled.txt");
        String text = Report.header("Where the server's time goes (profiled call benchmark)",
                Report.command("mvn -B -q -f bench/pom.xml exec:exec@profile"))
                + "recorded: " + RECORDING_COMMAND + "\n          (the profiled run's own header below shows it"
                + " as the mvn script passes it on, without the quotes)\n\n" + out
                + "\n\nThe profiled run (a flight recording slows the server a little; its ratios are not the reference"
                + " ones, see calls.txt)\n\n" + (Files.isRegularFile(run) ? Files.readString(run) : "(" + run + " is missing)\n");
        Path result = bench.resolve("results/calls-profile.txt");
        Report.write(result, text);
        System.out.println("written to " + result);
    }

    private static boolean matches(List<String> frames, String key) {
        if (key.equals("@resource")) {
            return frames.stream().anyMatch(f -> f.equals("io.mizan.rpc.MizanResource.call")
                    || f.startsWith("io.mizan.bench.app.PlainResource."));
        }
        if (key.equals("@strict")) {
            return frames.stream().anyMatch(f -> f.startsWith("io.mizan.rpc.StrictJson.")
                    || f.startsWith("io.mizan.rpc.ArgumentBinder."));
        }
        return frames.stream().anyMatch(f -> f.startsWith(key));
    }

    /** {@code io.mizan.security.AccessPolicy$Proxy$_$$_WeldClientProxy.enforce} reads {@code AccessPolicy (CDI proxy).enforce}. */
    private static String shorten(String frame) {
        String s = frame.replace("$Proxy$_$$_WeldClientProxy", " (CDI proxy)");
        int method = s.lastIndexOf('.');
        int type = s.lastIndexOf('.', method - 1);
        return type < 0 ? s : s.substring(type + 1);
    }

    private ProfileSummary() {
    }
}
