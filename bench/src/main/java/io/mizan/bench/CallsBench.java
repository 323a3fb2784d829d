package io.mizan.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Call overhead of Mizan functions against plain JAX-RS, in a Payara Micro that this class starts (once
 * for each start it measures) and always stops.
 *
 * <p>Pairs of endpoints do the same work (see {@code calls-app}), e.g. {@code greet} (a record result
 * from a validated string) and {@code increment} (a mutation that answers one scoped invalidation key, in its
 * body and in {@code X-Mizan-Invalidate}: Mizan's from {@code affects}, the baseline's written by hand).
 * First every endpoint warms up on both cores and the server is left to finish compiling; then the server
 * is pinned to CPU 0 and this load generator to CPU 1, a short pass warms up again, and for each pair
 * measured phases alternate: baseline, Mizan, Mizan, baseline, and so on. Each phase runs a fixed number of
 * client threads, each sending one request at a time over HTTP/1.1 to 127.0.0.1, until the phase's time or
 * its request cap is reached. Every answer is checked (status, body, and the invalidation header of the
 * mutations); a single error fails the run. All of that is done for each of several starts of the server,
 * one after the other: each start's JIT compiles the hot paths its own way, which moves a ratio by up to 0.1
 * between starts, so the ratios of the rounds of every start together give the median and its spread.
 *
 * <p>Settings (system properties): {@code bench.clients} (8), {@code bench.warmupSeconds} (8 per endpoint
 * and pass), {@code bench.warmupPasses} (2), {@code bench.measureSeconds} (5), {@code bench.callRounds} (4 rounds
 * of the two phases per pair and start), {@code bench.callStarts} (2 starts of the server), {@code bench.pin}
 * (true: needs {@code taskset} and 2 CPUs), {@code bench.pinnedWarmupSeconds} (3 per endpoint, after pinning),
 * {@code bench.maxRequests} per phase (2,000,000),
 * {@code bench.serverHeap} (the server's -Xms and -Xmx, 1g), {@code bench.serverJvmArgs} (more options for
 * the server's JVM, space-separated, e.g. a flight recording), {@code bench.only} (some pairs alone, by
 * work: {@code order,role}, {@code page}; for a profile, written to {@code target/calls-profiled.txt}),
 * {@code bench.keptCalls} (100,000: the calls of one side whose kept heap is measured, see {@link #kept}).
 */
public final class CallsBench {

    static final String DOCUMENTED_COMMAND = "mvn -B -q -f bench/calls-app/pom.xml package"
            + " && mvn -B -q -f bench/pom.xml package exec:exec@calls";

    /** The pairs of endpoints, by the word their labels end with. */
    static final List<String> WORKS =
            List.of("greet", "increment", "order", "role", "read", "read304", "basket", "basket304");

    /** Where the role pair's WAR answers: calls-app-signin.war, deployed next to calls-app.war. */
    static final String SIGNIN_ROOT = "calls-app-signin/";

    /** The role pair's credentials: BASIC, the user bench in the role user (see calls-app's Users). */
    static final String SIGNED_IN = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("bench:secret".getBytes(StandardCharsets.UTF_8));

    /** The order pair's body: about 10 KB, 85 nested lines, every one of them validated. */
    static final String ORDER = order(85);

    /** What the order's lines add up to: the sum of (10 + i + 0.25) × (1 + i % 5). */
    static final String ORDER_TOTAL = orderTotal(85);

    static String orderTotal(int lines) {
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (int i = 0; i < lines; i++) {
            total = total.add(new java.math.BigDecimal((10 + i) + ".25").multiply(java.math.BigDecimal.valueOf(1 + i % 5)));
        }
        return total.toPlainString();
    }

    static String order(int lines) {
        StringBuilder o = new StringBuilder("{\"customer\":\"Ada Lovelace\",\"address\":{\"street\":\"12 St James's Square\","
                + "\"city\":\"London\",\"zip\":\"SW1Y 4JH\"},\"lines\":[");
        for (int i = 0; i < lines; i++) {
            o.append(i == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(100000 + i).append("-ANALYTICAL-ENGINE\",")
                    .append("\"quantity\":").append(1 + i % 5).append(",\"price\":").append(10 + i).append(".25,")
                    .append("\"tags\":[\"brass\",\"gears\",\"punched-cards\",\"difference\"]}");
        }
        return o.append("]}").toString();
    }

    /** How many context reads a page makes at once, in the batching pair. */
    static final int PAGE_READS = 10;

    /** The batching pair: a page's reads sent apart (the baseline) and as one batch. */
    static final String APART = "10 reads apart";
    static final String BATCHED = "10 reads batched";

    /**
     * One endpoint: where to send, and how to check an answer for client {@code i}. A page endpoint
     * stands for {@link #PAGE_READS} reads: sent at once and waited for together (a read), or one batch.
     */
    record Endpoint(String label, String path, Checker checker, boolean read, boolean conditional, boolean page,
                    String body, String authorization) {
        Endpoint(String label, String path, Checker checker) {
            this(label, path, checker, false, false, false, null, null);
        }

        Endpoint(String label, String path, Checker checker, boolean read, boolean conditional) {
            this(label, path, checker, read, conditional, false, null, null);
        }

        Endpoint(String label, String path, Checker checker, boolean read, boolean conditional, boolean page) {
            this(label, path, checker, read, conditional, page, null, null);
        }

        /** A call with this body for every client. */
        static Endpoint posting(String label, String path, String body, Checker checker) {
            return new Endpoint(label, path, checker, false, false, false, body, null);
        }

        /** A call with an empty object for a body, by the signed-in user {@link #SIGNED_IN}. */
        static Endpoint signedIn(String label, String path, Checker checker) {
            return new Endpoint(label, path, checker, false, false, false, "{}", SIGNED_IN);
        }

        /** The same endpoint called with no credentials. */
        Endpoint anonymous() {
            return new Endpoint(label, path, checker, read, conditional, page, body, null);
        }
    }

    interface Checker {
        /** Null when the answer is right, else what is wrong. */
        String problem(HttpResponse<String> response, String name);
    }

    /** What a phase measured. */
    record Phase(String endpoint, long requests, long errors, double seconds, long[] latenciesNanos,
                 double serverCpuSeconds, double clientCpuSeconds, String firstError, long startMillis, long endMillis,
                 long allocatedBytes) {
        /** Heap bytes the server's threads allocated per request (per page for a page endpoint). */
        double allocatedPerRequest() {
            return (double) allocatedBytes / requests;
        }

        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(latenciesNanos.length - 1, index))] / 1e6;
        }

        /** Server CPU time per request, microseconds. */
        double serverCpuMicros() {
            return serverCpuSeconds / requests * 1e6;
        }
    }

    /** The settings of a run, read from system properties (see the class comment). */
    record Settings(int clients, int warmup, int warmupPasses, int measure, int rounds, int pinnedWarmup, boolean pin,
                    long maxRequests, int starts, String serverHeap, String serverJvmArgs, List<String> only,
                    int keptCalls) {
        static Settings read() {
            return new Settings(Report.bounded("bench.clients", 8, 1, 64),
                    Report.bounded("bench.warmupSeconds", 8, 0, 120),
                    Report.bounded("bench.warmupPasses", 2, 1, 10),
                    Report.bounded("bench.measureSeconds", 5, 1, 120),
                    Report.bounded("bench.callRounds", 4, 1, 20),
                    Report.bounded("bench.pinnedWarmupSeconds", 3, 0, 120),
                    Boolean.parseBoolean(System.getProperty("bench.pin", "true")),
                    Report.bounded("bench.maxRequests", 2_000_000, 1, 50_000_000),
                    Report.bounded("bench.callStarts", 2, 1, 10),
                    System.getProperty("bench.serverHeap", "1g"),
                    System.getProperty("bench.serverJvmArgs", "").trim(),
                    // bench.only=order,role: those pairs alone (the page pair is "page"), for a profile
                    List.of(System.getProperty("bench.only", "").split(",")).stream().filter(w -> !w.isBlank())
                            .toList(),
                    Report.bounded("bench.keptCalls", 100_000, 100, 10_000_000));
        }
    }

    /**
     * What one side's calls kept: the heap after a forced GC once they were answered, less the same before
     * them, MB ({@code mizan} false: the plain endpoints).
     */
    record Kept(boolean mizan, long calls, double megabytes) {
    }

    /**
     * One start of the server: when it was ready, its heap at three moments, what each side's calls kept,
     * and where it ran.
     */
    record Start(long pid, long readyMillis, String heapAfterStart, String heapAfterWarmup, String heapAtEnd,
                 String grown, List<Kept> kept, String pinning, int phases) {
        /** What the measured phases of both sides kept: the heap at the end less after the warm-up, MB (NaN if unread). */
        double grownSinceWarmup() {
            return megabytes(heapAtEnd) - megabytes(heapAfterWarmup);
        }
    }

    public static void main(String[] args) throws Exception {
        PayaraMicro.Inputs in = PayaraMicro.Inputs.of(args,
                "CallsBench <bench dir> <payara-micro.jar> <calls-app.war>",
                DOCUMENTED_COMMAND);
        Path bench = in.bench();
        Path war = in.war();
        Settings settings = Settings.read();
        if (settings.pin()) {
            Pinning.check();
        }
        String loadBefore = Report.loadAverage();

        // the role pair's WAR, with a sign-in mechanism (which runs on every request of its WAR), at /calls-app-signin
        Path signinWar = war.resolveSibling(war.getFileName().toString().replace(".war", "-signin.war"));
        if (!java.nio.file.Files.isRegularFile(signinWar)) {
            System.err.println(signinWar + " is missing. Build it first: " + DOCUMENTED_COMMAND);
            System.exit(2);
        }
        // each start of the server compiles the hot paths its own way, which moves a ratio by up to 0.1 between
        // starts: the rounds of several starts together give the median
        List<Phase> phases = new ArrayList<>();
        List<Start> starts = new ArrayList<>();
        PayaraMicro server = null;
        for (int n = 1; n <= settings.starts(); n++) {
            server = new PayaraMicro(bench, in.payara(), war, settings.serverHeap(), settings.serverJvmArgs(), "payara",
                    Map.of(), List.of("--deploy", signinWar.toString()));
            Thread stop = new Thread(server::stop, "stop-payara");
            Runtime.getRuntime().addShutdownHook(stop);
            try {
                System.out.printf(Locale.ROOT, "server start %d of %d%n", n, settings.starts());
                starts.add(measure(server, settings, phases));
            } catch (Exception e) {
                e.printStackTrace();
                System.err.println("server log: " + server.log);
                System.exit(1); // the shutdown hook stops the server
            }
            server.stop();
            Runtime.getRuntime().removeShutdownHook(stop);
            if (settings.pin()) {
                // the next server is this JVM's child and would inherit its CPU
                Pinning.unpin(ProcessHandle.current().pid());
            }
        }
        String table = table(phases, settings, starts, loadBefore, Report.loadAverage(), server);
        System.out.println();
        System.out.print(table);
        // a run with extra server options (a profiler), or of some pairs only, is no reference: it goes
        // next to its recording
        Path results = settings.serverJvmArgs().isEmpty() && settings.only().isEmpty()
                ? Report.resultsDir(bench).resolve("calls.txt") : bench.resolve("target/calls-profiled.txt");
        Report.write(results, table);
        System.out.println("written to " + results);
        writePhases(bench.resolve("target/phases.csv"), phases);
        System.exit(0);
    }

    /**
     * Starts the server, checks every endpoint once, warms up, pins, and measures the pairs' rounds into
     * {@code phases}; the caller stops the server.
     */
    private static Start measure(PayaraMicro server, Settings settings, List<Phase> phases) throws Exception {
        int clients = settings.clients();
        int warmup = settings.warmup();
        int pinnedWarmup = settings.pinnedWarmup();
        long maxRequests = settings.maxRequests();
        int measure = settings.measure();
        long startMillis = server.start();
        System.out.printf(Locale.ROOT, "Payara Micro ready on 127.0.0.1:%d in %.1f s (pid %d)%n", server.port,
                startMillis / 1e3, server.pid());
        String base = "http://127.0.0.1:" + server.port + "/";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        String heapAfterStart = server.heapAfterGc();
        List<Endpoint[]> allPairs = List.of(
                new Endpoint[]{
                        new Endpoint("plain JAX-RS greet", "api/plain/greet", (r, name) ->
                                expect(r, "{\"letters\":" + name.length() + ",\"text\":\"Hello, " + name + "!\"}")),
                        new Endpoint("Mizan greet", "api/mizan/call/greet", (r, name) ->
                                expect(r, "{\"result\":{\"letters\":" + name.length() + ",\"text\":\"Hello, " + name
                                        + "!\"},\"invalidate\":[]}"))},
                new Endpoint[]{
                        // the same answer from both: the new count, the key to refetch, X-Mizan-Invalidate
                        new Endpoint("plain JAX-RS increment", "api/plain/increment", CallsBench::expectIncremented),
                        new Endpoint("Mizan increment", "api/mizan/call/increment", CallsBench::expectIncremented)},
                // a 10 KB nested body, validated
                new Endpoint[]{
                        Endpoint.posting("plain JAX-RS order", "api/plain/place", ORDER, (r, name) ->
                                expect(r, "{\"lines\":85,\"total\":" + ORDER_TOTAL + "}")),
                        Endpoint.posting("Mizan order", "api/mizan/call/place", "{\"order\":" + ORDER + "}", (r, name) ->
                                expect(r, "{\"result\":{\"lines\":85,\"total\":" + ORDER_TOTAL + "},\"invalidate\":[]}"))},
                // a signed-in caller with a role: the container's sign-in on both sides, @RolesAllowed against
                // the function's roles
                new Endpoint[]{
                        Endpoint.signedIn("plain JAX-RS role", SIGNIN_ROOT + "api/plain/welcome", (r, name) ->
                                expect(r, "{\"letters\":5,\"text\":\"Hello, bench!\"}")),
                        Endpoint.signedIn("Mizan role", SIGNIN_ROOT + "api/mizan/call/welcome", (r, name) ->
                                expect(r, "{\"result\":{\"letters\":5,\"text\":\"Hello, bench!\"},\"invalidate\":[]}"))},
                // a context read and its conditional form, against a plain @GET with the same body and ETag
                new Endpoint[]{
                        new Endpoint("plain JAX-RS read", "api/plain-context/counter", (r, name) ->
                                expectCounter(r, "{\"result\":{\"count\":", ",\"name\":\"" + name + "\"}}", null),
                                true, false),
                        new Endpoint("Mizan read", "api/mizan/ctx/counter", (r, name) ->
                                expectCounter(r, "{\"result\":{\"count\":", ",\"name\":\"" + name + "\"}}", null),
                                true, false)},
                new Endpoint[]{
                        new Endpoint("plain JAX-RS read304", "api/plain-context/counter", (r, name) ->
                                expectNotModified(r), true, true),
                        new Endpoint("Mizan read304", "api/mizan/ctx/counter", (r, name) ->
                                expectNotModified(r), true, true)},
                // a context of about 10 KB and its conditional form: where a 304 saves the body
                new Endpoint[]{
                        new Endpoint("plain JAX-RS basket", "api/plain-context/basket", CallsBench::expectBasket,
                                true, false),
                        new Endpoint("Mizan basket", "api/mizan/ctx/basket", CallsBench::expectBasket, true, false)},
                new Endpoint[]{
                        new Endpoint("plain JAX-RS basket304", "api/plain-context/basket", (r, name) ->
                                expectNotModified(r), true, true),
                        new Endpoint("Mizan basket304", "api/mizan/ctx/basket", (r, name) ->
                                expectNotModified(r), true, true)},
                // what a page that shows ten contexts asks for at once, apart and batched
                new Endpoint[]{
                        new Endpoint(APART, "api/mizan/ctx/counter", (r, name) ->
                                expectCounter(r, "{\"result\":{\"count\":", ",\"name\":\"" + name + "\"}}", null),
                                true, false, true),
                        new Endpoint(BATCHED, "api/mizan/batch", CallsBench::expectBatch, false, false, true)});

        List<Endpoint[]> pairs = allPairs.stream().filter(pair -> settings.only().isEmpty() || settings.only().stream()
                .anyMatch(w -> pair[1].label().equals("Mizan " + w) || (w.equals("page") && pair[1].label().equals(BATCHED))))
                .toList();
        // every endpoint answers rightly once before any load
        for (Endpoint[] pair : pairs) {
            for (Endpoint e : pair) {
                HttpResponse<String> r = send(http, request(http, base, e, "c0"));
                String problem = e.checker().problem(r, "c0");
                if (problem != null) {
                    throw new IllegalStateException(e.label() + ": " + problem);
                }
                System.out.println(e.label() + " -> " + r.statusCode() + " " + r.body());
                if (e.authorization() != null) { // both sides refuse a caller who is not signed in
                    HttpResponse<String> refused = send(http, request(http, base, e.anonymous(), "c0"));
                    if (refused.statusCode() != 401 && refused.statusCode() != 403) {
                        throw new IllegalStateException(e.label() + " without credentials: " + refused.statusCode()
                                + " " + refused.body());
                    }
                    System.out.println(e.label() + " without credentials -> " + refused.statusCode());
                }
            }
        }

        // the server's shared path (HTTP, JAX-RS, CDI) warms up with every endpoint, so all warm up first,
        // in passes, until the JIT has compiled what the mix of them needs
        for (int pass = 0; pass < settings.warmupPasses(); pass++) {
            for (Endpoint[] pair : pairs) {
                for (Endpoint e : pair) {
                    if (warmup > 0) {
                        Phase w = run(http, base, e, clients, warmup, maxRequests, server);
                        System.out.printf(Locale.ROOT, "%tT warm-up  %-24s %8.0f req/s, server CPU %6.1f µs/req,"
                                + " %d errors%n", new java.util.Date(), e.label(), w.perSecond(), w.serverCpuMicros(),
                                w.errors());
                        failOnErrors(w);
                    }
                }
            }
        }
        // the JIT keeps compiling for a while after load; measuring during that would charge its CPU to a phase
        System.out.printf(Locale.ROOT, "server idle after %.1f s%n", server.awaitIdle(20));
        // then the server on one core and the load on the other, so that neither takes the other's CPU
        // and a phase's throughput is the server's alone; a short pass warms up what pinning moved
        if (settings.pin()) {
            String pinnedServer = Pinning.pin(server.pid(), 0);
            String pinnedDriver = Pinning.pin(ProcessHandle.current().pid(), 1);
            for (Endpoint[] pair : pairs) {
                for (Endpoint e : pair) {
                    if (pinnedWarmup > 0) {
                        failOnErrors(run(http, base, e, clients, pinnedWarmup, maxRequests, server));
                    }
                }
            }
            System.out.printf(Locale.ROOT, "pinned: server %s; load %s; idle after %.1f s%n", pinnedServer,
                    pinnedDriver, server.awaitIdle(20));
        }
        // what the measured phases (hundreds of thousands of calls) keep, if anything, shows against this
        String heapAfterWarmup = server.heapAfterGc();
        Map<String, long[]> classesAfterWarmup = server.classHistogram();
        int before = phases.size();
        // every pair's first round, then every pair's second, and so on: a noisy minute of the host then
        // falls on one round of several pairs rather than on every round of one
        for (int round = 0; round < settings.rounds(); round++) {
            for (Endpoint[] pair : pairs) {
                for (Endpoint e : Report.inTurn(round, pair[0], pair[1])) {
                    Phase m = run(http, base, e, clients, measure, maxRequests, server);
                    print(m);
                    failOnErrors(m);
                    phases.add(m);
                }
            }
        }
        String heapAtEnd = server.heapAfterGc();
        String grown = PayaraMicro.grownMost(classesAfterWarmup, server.classHistogram(), 8);
        List<Kept> kept = kept(server, http, base, settings, pairs);
        String pinning = settings.pin() ? "at the end: server " + Pinning.affinity(server.pid()) + ", load "
                + Pinning.affinity(ProcessHandle.current().pid()) : "nothing pinned";
        return new Start(server.pid(), startMillis, heapAfterStart, heapAfterWarmup, heapAtEnd, grown, kept, pinning,
                phases.size() - before);
    }

    /**
     * What {@code bench.keptCalls} calls of one side keep, against the same number of the other's: the
     * call pairs' endpoints of one side, an equal share each, then the heap after a forced GC, less the same
     * before them. Two rounds, A B B A, so that neither side always follows the other. The heap the server
     * keeps for itself meanwhile (pools, caches, its monitoring) lands on both sides alike.
     */
    private static List<Kept> kept(PayaraMicro server, HttpClient http, String base, Settings settings,
                                   List<Endpoint[]> pairs) throws InterruptedException {
        List<Endpoint[]> calls = pairs.stream().filter(pair -> !pair[1].read() && !pair[1].page()).toList();
        List<Kept> kept = new ArrayList<>();
        if (calls.isEmpty()) {
            return kept;
        }
        long each = settings.keptCalls() / calls.size();
        double before = megabytes(server.heapAfterGc());
        for (int round = 0; round < 2; round++) {
            for (boolean mizan : Report.inTurn(round, false, true)) {
                long answered = 0;
                for (Endpoint[] pair : calls) {
                    Phase p = run(http, base, pair[mizan ? 1 : 0], settings.clients(), KEPT_SECONDS, each, server);
                    failOnErrors(p);
                    if (p.requests() != each) {
                        throw new IllegalStateException(p.endpoint() + ": " + p.requests() + " calls in "
                                + KEPT_SECONDS + " s, not " + each + ": lower bench.keptCalls");
                    }
                    answered += p.requests();
                }
                double after = megabytes(server.heapAfterGc());
                kept.add(new Kept(mizan, answered, after - before));
                System.out.printf(Locale.ROOT, "%tT kept by %,d %s calls: %+.1f MB%n", new java.util.Date(), answered,
                        mizan ? "Mizan" : "plain JAX-RS", after - before);
                before = after;
            }
        }
        return kept;
    }

    /** The most time a memory phase's endpoint has for its share of calls. */
    private static final int KEPT_SECONDS = 120;

    /** The measured phases' time windows, for {@link ProfileSummary}. */
    private static void writePhases(Path file, List<Phase> phases) throws IOException {
        StringBuilder s = new StringBuilder("endpoint,startMillis,endMillis,requests,serverCpuSeconds\n");
        for (Phase p : phases) {
            s.append(p.endpoint()).append(',').append(p.startMillis()).append(',').append(p.endMillis()).append(',')
                    .append(p.requests()).append(',').append(p.serverCpuSeconds()).append('\n');
        }
        Report.write(file, s.toString());
    }

    private static void failOnErrors(Phase p) {
        if (p.errors() > 0) {
            throw new IllegalStateException(p.endpoint() + ": " + p.errors() + " errors, the first: " + p.firstError());
        }
    }

    private static String expect(HttpResponse<String> r, String body) {
        if (r.statusCode() != 200) {
            return "status " + r.statusCode() + ": " + r.body();
        }
        return r.body().equals(body) ? null : "body " + r.body() + " is not " + body;
    }

    private static String expectIncremented(HttpResponse<String> r, String name) {
        return expectCounter(r, "{\"result\":{\"count\":", ",\"name\":\"" + name
                + "\"},\"invalidate\":[\"counter;name=" + name + "\"]}", "counter;name=" + name);
    }

    private static String expectCounter(HttpResponse<String> r, String prefix, String suffix, String header) {
        if (r.statusCode() != 200) {
            return "status " + r.statusCode() + ": " + r.body();
        }
        String b = r.body();
        if (!b.startsWith(prefix) || !b.endsWith(suffix)) {
            return "body " + b + " is not " + prefix + "<n>" + suffix;
        }
        String number = b.substring(prefix.length(), b.length() - suffix.length());
        if (number.isEmpty() || !number.chars().allMatch(Character::isDigit)) {
            return "body " + b + " has no count";
        }
        if (header != null && !header.equals(r.headers().firstValue("X-Mizan-Invalidate").orElse(null))) {
            return "X-Mizan-Invalidate is " + r.headers().firstValue("X-Mizan-Invalidate").orElse("missing");
        }
        return null;
    }

    /** Sends a page's reads at once and checks every answer; null when all are right. */
    private static String pageProblem(HttpClient http, List<HttpRequest> reads, Endpoint e, String name)
            throws IOException, InterruptedException {
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (HttpRequest read : reads) {
            answers.add(http.sendAsync(read, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }
        for (int k = 0; k < answers.size(); k++) {
            HttpResponse<String> r;
            try {
                r = answers.get(k).get();
            } catch (java.util.concurrent.ExecutionException ex) {
                throw new IOException(ex.getCause());
            }
            String problem = e.checker().problem(r, name + "-" + k);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** A batch of the page's reads: every entry answered 200 with its own counter. */
    private static String expectBatch(HttpResponse<String> r, String name) {
        if (r.statusCode() != 200) {
            return "status " + r.statusCode() + ": " + r.body();
        }
        String b = r.body();
        for (int k = 0; k < PAGE_READS; k++) {
            if (!b.contains(",\"name\":\"" + name + "-" + k + "\"}}")) {
                return "batch " + b + " has no answer for " + name + "-" + k;
            }
        }
        int ok = b.split("\\{\"status\":200,", -1).length - 1;
        return ok == PAGE_READS ? null : "batch " + b + " has " + ok + " entries of status 200";
    }

    /** The basket read in full: {@code {"result": <the order>}}, the order being in the client's name. */
    private static String expectBasket(HttpResponse<String> r, String name) {
        if (r.statusCode() != 200) {
            return "status " + r.statusCode() + ": " + r.body();
        }
        String body = r.body();
        boolean whole = body.startsWith("{\"result\":{") && body.endsWith("]}}") && body.length() > 9_000;
        return whole && body.contains("\"customer\":\"" + name + "\"") && body.contains("\"SKU-100084-ANALYTICAL-ENGINE\"")
                ? null
                : "not the basket of " + name + ": " + body.substring(0, Math.min(200, body.length()));
    }

    private static String expectNotModified(HttpResponse<String> r) {
        if (r.statusCode() != 304) {
            return "status " + r.statusCode() + " (not 304): " + r.body();
        }
        return r.body().isEmpty() ? null : "a 304 with a body: " + r.body();
    }

    /**
     * The request a client repeats: a POST of {@code {"name": ...}}, or for a read a GET of
     * {@code ?name=...}, conditional on the ETag the endpoint gives that client's entry now.
     */
    private static HttpRequest request(HttpClient http, String base, Endpoint e, String name) {
        if (e.read()) {
            HttpRequest.Builder get = HttpRequest.newBuilder(URI.create(base + e.path() + "?name=" + name))
                    .timeout(Duration.ofSeconds(10))
                    .GET();
            if (e.conditional()) {
                try {
                    HttpResponse<String> first = send(http, get.build());
                    get.header("If-None-Match", first.headers().firstValue("ETag").orElseThrow(() ->
                            new IllegalStateException(e.label() + " gave no ETag: " + first.statusCode())));
                } catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ex);
                }
            }
            return get.build();
        }
        String body = e.body() != null ? e.body() : "{\"name\":\"" + name + "\"}";
        if (e.page()) {
            StringBuilder batch = new StringBuilder("{\"batch\":[");
            for (int k = 0; k < PAGE_READS; k++) {
                batch.append(k == 0 ? "" : ",").append("{\"ctx\":\"counter\",\"params\":{\"name\":\"")
                        .append(name).append('-').append(k).append("\"}}");
            }
            body = batch.append("]}").toString();
        }
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(base + e.path()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (e.authorization() != null) {
            post.header("Authorization", e.authorization());
        }
        return post.build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** One phase: {@code clients} threads, each one request at a time, until the time or the cap. */
    private static Phase run(HttpClient http, String base, Endpoint e, int clients, int seconds, long maxRequests,
                             PayaraMicro server) throws InterruptedException {
        AtomicLong issued = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int id = i;
            Thread t = new Thread(() -> {
                String name = "c" + id;
                HttpRequest request = request(http, base, e, name);
                List<HttpRequest> reads = new ArrayList<>();
                if (e.page() && e.read()) {
                    for (int k = 0; k < PAGE_READS; k++) {
                        reads.add(request(http, base, e, name + "-" + k));
                    }
                }
                long[] own = new long[1 << 14];
                int n = 0;
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException ex) {
                    return;
                }
                while (System.nanoTime() < deadline[0] && issued.incrementAndGet() <= maxRequests) {
                    long t0 = System.nanoTime();
                    String problem;
                    try {
                        problem = reads.isEmpty() ? e.checker().problem(send(http, request), name)
                                : pageProblem(http, reads, e, name);
                    } catch (IOException ex) {
                        problem = ex.toString();
                    } catch (InterruptedException ex) {
                        break;
                    }
                    long t1 = System.nanoTime();
                    if (problem != null) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, problem);
                    }
                    if (n == own.length) {
                        own = Arrays.copyOf(own, n * 2);
                    }
                    own[n++] = t1 - t0;
                }
                latencies[id] = own;
                counts[id] = n;
            }, "client-" + i);
            threads.add(t);
            t.start();
        }
        ready.await();
        long allocated0 = allocated(http, base);
        double serverCpu0 = server.cpuSeconds();
        double clientCpu0 = Report.processCpuSeconds();
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        deadline[0] = start + TimeUnit.SECONDS.toNanos(seconds);
        go.countDown();
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(seconds + 30L));
            if (t.isAlive()) {
                throw new IllegalStateException(t.getName() + " did not finish");
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double serverCpu = server.cpuSeconds() - serverCpu0;
        long allocated = allocated(http, base) - allocated0;
        double clientCpu = Report.processCpuSeconds() - clientCpu0;
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < clients; i++) {
            System.arraycopy(latencies[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        return new Phase(e.label(), total, errors.get(), elapsed, all, serverCpu, clientCpu, firstError.get(),
                startMillis, System.currentTimeMillis(), allocated);
    }

    /** The heap bytes the server's threads have allocated so far (calls-app's {@code GET api/allocated}). */
    private static long allocated(HttpClient http, String base) {
        try {
            HttpResponse<String> r = send(http, HttpRequest.newBuilder(URI.create(base + "api/allocated"))
                    .timeout(Duration.ofSeconds(10)).build());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("api/allocated answered " + r.statusCode() + ": " + r.body());
            }
            return Long.parseLong(r.body().trim());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void print(Phase p) {
        System.out.printf(Locale.ROOT, "%tT measured %-24s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  server CPU %6.1f µs/req"
                        + "  (%d requests, %d errors)%n", new java.util.Date(), p.endpoint(), p.perSecond(), p.percentileMillis(50),
                p.percentileMillis(99), p.serverCpuMicros(), p.requests(), p.errors());
    }

    private static String table(List<Phase> phases, Settings settings, List<Start> starts, String loadBefore,
                                String loadAfter, PayaraMicro server) {
        StringBuilder t = new StringBuilder();
        t.append(Report.header("Call overhead: Mizan against plain JAX-RS", Report.command(DOCUMENTED_COMMAND)));
        t.append("mizan:    ").append(Report.mizanJar(server.war)).append('\n');
        t.append("load avg: before ").append(loadBefore).append(", after ").append(loadAfter)
                .append(" (1, 5, 15 min; other processes on the machine add noise)\n");
        t.append("server:   Payara Micro 6.2025.10, ").append(String.join(" ", server.command)).append('\n');
        long measuredRequests = phases.stream().mapToLong(Phase::requests).sum();
        t.append(String.format(Locale.ROOT, "starts:   %d, one after the other, each warmed up and measured alike; the"
                + " rounds of all of them together make the ratios%n", starts.size()));
        for (int i = 0; i < starts.size(); i++) {
            Start st = starts.get(i);
            t.append(String.format(Locale.ROOT, "          start %d (pid %d): ready in %.1f s; heap after a forced GC: %s"
                    + " after start, %s after the warm-up, %s at the end; pinning %s%n", i + 1, st.pid(),
                    st.readyMillis() / 1e3, st.heapAfterStart(), st.heapAfterWarmup(), st.heapAtEnd(), st.pinning()));
            t.append("          live objects that grew most from after the warm-up to the end (jcmd GC.class_histogram,"
                    + " bytes and instances): ").append(st.grown()).append('\n');
            if (!st.kept().isEmpty()) {
                t.append(String.format(Locale.ROOT, "          then kept by %,d calls of one side at a time (the heap"
                        + " after a forced GC, less before them): ", st.kept().get(0).calls()));
                t.append(String.join(", ", st.kept().stream().map(k -> String.format(Locale.ROOT, "%s %+.1f MB",
                        k.mizan() ? "Mizan" : "baseline", k.megabytes())).toList())).append('\n');
            }
        }
        t.append(String.format(Locale.ROOT, "load:     %d client threads (java.net.http.HttpClient, HTTP/1.1, one request"
                + " at a time each) in one JVM; per start, a warm-up: %d passes over all endpoints, %d s each, nothing"
                + " pinned; a wait until the server is idle; %s; then %d rounds, each through every pair in"
                + " turn, of two %d s phases per pair, baseline then Mizan in even rounds and Mizan then baseline in odd ones (A B B A ...); at most %d"
                + " requests a phase.%n", settings.clients(), settings.warmupPasses(), settings.warmup(),
                settings.pin() ? "the server (every thread, taskset -a -c -p) on CPU 0 and the load on CPU 1, then one"
                        + " more pass of " + settings.pinnedWarmup() + " s per endpoint"
                        : "nothing pinned (-Dbench.pin=false): the server and the load share the cores",
                settings.rounds(), settings.measure(), settings.maxRequests()));
        t.append("checked:  every answer's status and body (and X-Mizan-Invalidate for both sides of increment)\n");
        t.append('\n');
        t.append("phases\n");
        t.append(String.format(Locale.ROOT, "%-26s %9s %9s %8s %8s %10s %10s %10s %7s%n", "endpoint", "requests", "req/s",
                "p50 ms", "p99 ms", "server µs", "client µs", "alloc B", "errors"));
        int listed = 0;
        for (int i = 0; i < starts.size(); i++) {
            t.append("start ").append(i + 1).append('\n');
            for (Phase p : phases.subList(listed, listed + starts.get(i).phases())) {
                t.append(phaseLine(p));
            }
            listed += starts.get(i).phases();
        }
        t.append("(server µs / client µs = CPU time of the Payara Micro process / of the load generator per request,"
                + " all threads; alloc B = heap bytes the server's threads allocated per request, from"
                + " ThreadMXBean.getThreadAllocatedBytes before and after the phase)\n");
        t.append('\n');
        Map<String, List<Phase>> byLabel = new LinkedHashMap<>();
        for (Phase p : phases) {
            byLabel.computeIfAbsent(p.endpoint(), k -> new ArrayList<>()).add(p);
        }
        t.append("summary (all phases of each endpoint together)\n");
        t.append(String.format(Locale.ROOT, "%-10s %12s %10s %8s %14s %14s %11s %11s %8s%n", "work",
                "baseline r/s", "Mizan r/s", "ratio", "base p50/p99", "Mizan p50/p99", "base srv µs",
                "Mizan srv µs", "ratio"));
        for (String work : measured(byLabel)) {
            Phase b = merge(byLabel.get("plain JAX-RS " + work));
            Phase m = merge(byLabel.get("Mizan " + work));
            t.append(String.format(Locale.ROOT, "%-10s %12.0f %10.0f %8.3f %14s %14s %11.1f %11.1f %8.3f%n", work,
                    b.perSecond(), m.perSecond(), m.perSecond() / b.perSecond(),
                    String.format(Locale.ROOT, "%.2f/%.2f ms", b.percentileMillis(50), b.percentileMillis(99)),
                    String.format(Locale.ROOT, "%.2f/%.2f ms", m.percentileMillis(50), m.percentileMillis(99)),
                    b.serverCpuMicros(), m.serverCpuMicros(), m.serverCpuMicros() / b.serverCpuMicros()));
        }
        t.append("ratio columns: Mizan ÷ baseline (throughput: below 1 is slower; server CPU per request: above 1 costs"
                + " more)\n");
        t.append('\n');
        t.append("ratios per round (each Mizan phase against the baseline phase of its round, the rounds of every start"
                + " together): median [min, max]; the verdicts of summary.md go by the median\n");
        Map<String, Report.Summary[]> perRound = new LinkedHashMap<>();
        for (String work : measured(byLabel)) {
            Report.Summary[] r = roundRatios(byLabel.get("plain JAX-RS " + work), byLabel.get("Mizan " + work));
            perRound.put(work, r);
            t.append(String.format(Locale.ROOT, "%-10s throughput %.3f [%.3f, %.3f]   p99 %.3f [%.3f, %.3f]   server CPU"
                    + " per request %.3f [%.3f, %.3f]%n", work, r[0].median(), r[0].min(), r[0].max(), r[1].median(),
                    r[1].min(), r[1].max(), r[2].median(), r[2].min(), r[2].max()));
        }
        t.append('\n');
        t.append("heap allocated per request, bytes (all phases of each endpoint together; target: Mizan within 1,024 B"
                + " of the baseline)\n");
        for (String work : measured(byLabel)) {
            Phase b = merge(byLabel.get("plain JAX-RS " + work));
            Phase m = merge(byLabel.get("Mizan " + work));
            t.append(String.format(Locale.ROOT, "%-10s baseline %8.0f   Mizan %8.0f   Mizan - baseline %+8.0f%n", work,
                    b.allocatedPerRequest(), m.allocatedPerRequest(), m.allocatedPerRequest() - b.allocatedPerRequest()));
        }
        t.append('\n');
        if (byLabel.containsKey(APART)) {
            Phase apart = merge(byLabel.get(APART));
            Phase batched = merge(byLabel.get(BATCHED));
            t.append("a page of ").append(PAGE_READS).append(" context reads at once (each client: the ").append(PAGE_READS)
                    .append(" GETs in parallel and waited for together, or one POST <base>/batch), per page\n");
            t.append(String.format(Locale.ROOT, "%-18s %9s %12s %12s %14s%n", "", "pages/s", "p50 ms", "p99 ms",
                    "server µs/page"));
            for (Phase p : List.of(apart, batched)) {
                t.append(String.format(Locale.ROOT, "%-18s %9.0f %12.2f %12.2f %14.1f%n", p.endpoint(), p.perSecond(),
                        p.percentileMillis(50), p.percentileMillis(99), p.serverCpuMicros()));
            }
            Report.Summary[] pr = roundRatios(byLabel.get(APART), byLabel.get(BATCHED));
            perRound.put("page", pr);
            t.append(String.format(Locale.ROOT, "batched ÷ apart: pages/s %.3f (per round: median %.3f [%.3f, %.3f]),"
                            + " p99 %.3f, server CPU per page %.3f%n", batched.perSecond() / apart.perSecond(), pr[0].median(),
                    pr[0].min(), pr[0].max(), batched.percentileMillis(99) / apart.percentileMillis(99),
                    batched.serverCpuMicros() / apart.serverCpuMicros()));
            t.append('\n');
        }
        List<Kept> kept = starts.stream().flatMap(st -> st.kept().stream()).toList();
        Report.Summary keptByMizan = kept.isEmpty() ? null : Report.Summary.of(kept.stream().filter(Kept::mizan)
                .map(Kept::megabytes).toList());
        Report.Summary keptByBaseline = kept.isEmpty() ? null : Report.Summary.of(kept.stream()
                .filter(k -> !k.mizan()).map(Kept::megabytes).toList());
        if (!kept.isEmpty()) {
            t.append(String.format(Locale.ROOT, "heap kept by %,d calls of one side (the call pairs' endpoints, an equal"
                    + " share each; the heap after a forced GC less before them; per start: baseline, Mizan, Mizan,"
                    + " baseline), MB, median [min, max] of %d phases a side: baseline %+.1f [%+.1f, %+.1f], Mizan"
                    + " %+.1f [%+.1f, %+.1f]; Mizan - baseline %+.1f MB (target: within 1 MB, 10 bytes a call)%n",
                    kept.get(0).calls(), keptByMizan.n(), keptByBaseline.median(), keptByBaseline.min(),
                    keptByBaseline.max(), keptByMizan.median(), keptByMizan.min(), keptByMizan.max(),
                    keptByMizan.median() - keptByBaseline.median()));
            t.append('\n');
        }
        t.append("figures (read by Summary: all phases of each endpoint together, as in the summary above; the ratios"
                + " per round; the heap of the start that kept the most; what each side's calls kept)\n");
        if (!kept.isEmpty()) {
            t.append(Report.figure("calls.kept.calls", kept.get(0).calls()));
            t.append(Report.figures("calls.kept.mizan.MB", keptByMizan));
            t.append(Report.figures("calls.kept.baseline.MB", keptByBaseline));
        }
        Start most = starts.stream().max(java.util.Comparator.comparingDouble(st -> Double.isNaN(st.grownSinceWarmup())
                ? Double.POSITIVE_INFINITY : st.grownSinceWarmup())).orElseThrow();
        t.append(Report.figure("calls.heap.afterWarmup.MB", megabytes(most.heapAfterWarmup())));
        t.append(Report.figure("calls.heap.end.MB", megabytes(most.heapAtEnd())));
        t.append(Report.figure("calls.measured.count", measuredRequests));
        if (byLabel.containsKey(APART)) {
            Phase apart = merge(byLabel.get(APART));
            Phase batched = merge(byLabel.get(BATCHED));
            t.append(Report.figure("calls.page.batched.perSecond", batched.perSecond()));
            t.append(Report.figure("calls.page.apart.perSecond", apart.perSecond()));
            t.append(Report.figure("calls.page.batched.p99.ms", batched.percentileMillis(99)));
            t.append(Report.figure("calls.page.apart.p99.ms", apart.percentileMillis(99)));
            t.append(Report.figure("calls.page.batched.serverCpu.us", batched.serverCpuMicros()));
            t.append(Report.figure("calls.page.apart.serverCpu.us", apart.serverCpuMicros()));
        }
        for (String work : measured(byLabel)) {
            Phase b = merge(byLabel.get("plain JAX-RS " + work));
            Phase m = merge(byLabel.get("Mizan " + work));
            t.append(Report.figure("calls." + work + ".mizan.perSecond", m.perSecond()));
            t.append(Report.figure("calls." + work + ".baseline.perSecond", b.perSecond()));
            t.append(Report.figure("calls." + work + ".mizan.p99.ms", m.percentileMillis(99)));
            t.append(Report.figure("calls." + work + ".baseline.p99.ms", b.percentileMillis(99)));
            t.append(Report.figure("calls." + work + ".mizan.serverCpu.us", m.serverCpuMicros()));
            t.append(Report.figure("calls." + work + ".baseline.serverCpu.us", b.serverCpuMicros()));
            t.append(Report.figure("calls." + work + ".mizan.allocatedBytes", m.allocatedPerRequest()));
            t.append(Report.figure("calls." + work + ".baseline.allocatedBytes", b.allocatedPerRequest()));
        }
        perRound.forEach((work, r) -> {
            String[] names = {"perSecond", "p99", "serverCpu"};
            for (int i = 0; i < names.length; i++) {
                t.append(Report.figures("calls." + work + ".rounds." + names[i], r[i]));
            }
        });
        return t.toString();
    }

    /**
     * The ratios of each round, the phase of {@code m} over the phase of {@code b} in the same place (a
     * round of one start): throughput, p99 and server CPU per request.
     */
    private static Report.Summary[] roundRatios(List<Phase> b, List<Phase> m) {
        return new Report.Summary[]{Report.pairRatios(b, m, Phase::perSecond),
                Report.pairRatios(b, m, p -> p.percentileMillis(99)), Report.pairRatios(b, m, Phase::serverCpuMicros)};
    }

    private static String phaseLine(Phase p) {
        return String.format(Locale.ROOT, "%-26s %9d %9.0f %8.2f %8.2f %10.1f %10.1f %10.0f %7d%n", p.endpoint(),
                p.requests(), p.perSecond(), p.percentileMillis(50), p.percentileMillis(99), p.serverCpuMicros(),
                p.clientCpuSeconds() / p.requests() * 1e6, p.allocatedPerRequest(), p.errors());
    }

    /** {@code "52.2 MB"} as 52.2; NaN when the heap could not be read. */
    private static double megabytes(String heap) {
        return heap.endsWith(" MB") ? Double.parseDouble(heap.substring(0, heap.length() - 3)) : Double.NaN;
    }

    /** The works whose pair was measured ({@code bench.only} may leave some out). */
    private static List<String> measured(Map<String, List<Phase>> byLabel) {
        return WORKS.stream().filter(w -> byLabel.containsKey("Mizan " + w)).toList();
    }

    private static Phase merge(List<Phase> list) {
        long requests = 0;
        long errors = 0;
        double seconds = 0;
        double serverCpu = 0;
        double clientCpu = 0;
        long allocated = 0;
        int n = 0;
        for (Phase p : list) {
            allocated += p.allocatedBytes();
            requests += p.requests();
            errors += p.errors();
            seconds += p.seconds();
            serverCpu += p.serverCpuSeconds();
            clientCpu += p.clientCpuSeconds();
            n += p.latenciesNanos().length;
        }
        long[] all = new long[n];
        int at = 0;
        for (Phase p : list) {
            System.arraycopy(p.latenciesNanos(), 0, all, at, p.latenciesNanos().length);
            at += p.latenciesNanos().length;
        }
        Arrays.sort(all);
        return new Phase(list.get(0).endpoint(), requests, errors, seconds, all, serverCpu, clientCpu, null,
                list.get(0).startMillis(), list.get(list.size() - 1).endMillis(), allocated);
    }

    private CallsBench() {
    }
}
