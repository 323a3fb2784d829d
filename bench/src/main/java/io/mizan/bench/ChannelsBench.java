package io.mizan.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Broadcast of small messages to many connected WebSockets: Mizan's {@code Broadcaster} against a
 * hand-written loop over Jakarta WebSocket sessions, in one Payara Micro that this class starts and
 * always stops (see {@code channels-app}).
 *
 * <p>Two fleets of clients stay connected for the whole run, one per side: {@code bench.sockets}
 * JDK WebSockets ({@code java.net.http.WebSocket}, one {@code HttpClient}) to 127.0.0.1, joined to the
 * room "bench" (Mizan) or connected to {@code /plain}. A phase triggers {@code bench.broadcasts}
 * broadcasts of {@code bench.messages} messages over HTTP, each a burst sent as fast as the server
 * can, and waits until every client has every message before the next. Each client checks that it
 * receives every sequence number exactly once and in order; the delivery latency is the client's
 * {@code System.nanoTime()} at receipt minus the server's at sending (the same monotonic clock on this
 * machine: checked at the start).
 *
 * <p>On a machine with 2 CPUs the server and the clients would otherwise compete for both: after an
 * unmeasured warm-up with nothing pinned (the JIT of both JVMs gets both cores), the server process is
 * pinned to CPU 0 and this driver, its clients included, to CPU 1 ({@code taskset -a}, every thread), and
 * the measured phases are short and interleaved A B B A: plain, Mizan, then Mizan, plain, and so on; each
 * pair gives one ratio, and the report gives their median and spread.
 *
 * <p>Then the same again with one stalled socket on each side: a raw TCP connection that joins (or
 * connects), has its queues filled by a flood to a room only it is in, and never reads.
 *
 * <p>Settings (system properties): {@code bench.sockets} (1000), {@code bench.messages} (20 per
 * broadcast), {@code bench.broadcasts} (1 per phase), {@code bench.channelRounds} (8 pairs of phases per
 * scenario), {@code bench.warmupBroadcasts} (8 per side, unpinned), {@code bench.pinnedWarmupBroadcasts} (2
 * per side, after pinning), {@code bench.pin} (true: needs {@code taskset}, package util-linux, and 2
 * CPUs), {@code bench.serverHeap} (1g).
 */
public final class ChannelsBench {

    static final String DOCUMENTED_COMMAND = "mvn -B -q -f bench/channels-app/pom.xml package"
            + " && mvn -B -q -f bench/pom.xml package exec:exec@channels";

    /** The flood that fills the stalled sockets' buffers: messages of this many characters... */
    static final int FLOOD_SIZE = 16_000;
    /**
     * ...this many of them (4 MB): Mizan sends 1 MiB (its send window) and queues the other 192 frames, 64
     * short of its 256-frame queue, so that the measured messages overflow it.
     */
    static final int FLOOD_COUNT = 256;

    /** Waiting for a burst ends when no client received anything for this long. */
    static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(10);

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ChannelsBench <bench dir> <payara-micro.jar> <channels-app.war>");
            System.exit(2);
        }
        Path bench = Path.of(args[0]).toAbsolutePath().normalize();
        Path payara = Path.of(args[1]).toAbsolutePath();
        Path war = Path.of(args[2]).toAbsolutePath();
        for (Path p : List.of(payara, war)) {
            if (!Files.isRegularFile(p)) {
                System.err.println(p + " is missing. Build it first: " + DOCUMENTED_COMMAND);
                System.exit(2);
            }
        }
        Settings s = new Settings(
                bounded("bench.sockets", 1000, 1, 10_000),
                bounded("bench.messages", 20, 1, 10_000),
                bounded("bench.broadcasts", 1, 1, 1000),
                bounded("bench.channelRounds", 8, 1, 50),
                bounded("bench.warmupBroadcasts", 8, 0, 1000),
                bounded("bench.pinnedWarmupBroadcasts", 2, 0, 1000),
                Boolean.parseBoolean(System.getProperty("bench.pin", "true")),
                System.getProperty("bench.serverHeap", "1g"));
        if (s.pin()) {
            Pinning.check();
        }
        String loadBefore = Report.loadAverage();
        long t0 = System.nanoTime();

        PayaraMicro server = new PayaraMicro(bench, payara, war, s.serverHeap(), "");
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-payara"));
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "ws-client");
            t.setDaemon(true);
            return t;
        });
        int exit = 1;
        try {
            long startMillis = server.start();
            System.out.printf(Locale.ROOT, "Payara Micro ready on 127.0.0.1:%d in %.1f s (pid %d)%n", server.port,
                    startMillis / 1e3, server.pid());
            Bench b = new Bench(server, s, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(executor).connectTimeout(Duration.ofSeconds(10)).build());
            String table = b.run(startMillis, loadBefore, t0);
            System.out.println();
            System.out.print(table);
            Path results = bench.resolve("results/channels.txt");
            Report.write(results, table);
            System.out.println("written to " + results);
            exit = 0;
        } catch (Exception e) {
            e.printStackTrace();
            System.err.println("server log: " + server.log);
        } finally {
            server.stop();
        }
        System.exit(exit);
    }

    record Settings(int sockets, int messages, int broadcasts, int rounds, int warmupBroadcasts,
                    int pinnedWarmupBroadcasts, boolean pin, String serverHeap) {
    }

    /** What one phase measured. */
    record Phase(String scenario, String side, long expected, long received, long lost, long disorder,
                 double seconds, long[] latenciesNanos, double serverCpuSeconds, double clientCpuSeconds,
                 String sockets) {
        double perSecond() {
            return received / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(latenciesNanos.length - 1, index))] / 1e6;
        }

        double maxMillis() {
            return latenciesNanos.length == 0 ? Double.NaN : latenciesNanos[latenciesNanos.length - 1] / 1e6;
        }

        /** Server CPU per 1,000 deliveries, milliseconds. */
        double serverCpuPerThousand() {
            return serverCpuSeconds / received * 1e6;
        }

        /** The driver's (the clients') CPU per 1,000 deliveries, milliseconds. */
        double clientCpuPerThousand() {
            return clientCpuSeconds / received * 1e6;
        }

        static Phase merge(List<Phase> list) {
            long expected = 0, received = 0, lost = 0, disorder = 0;
            double seconds = 0, server = 0, client = 0;
            int n = 0;
            for (Phase p : list) {
                expected += p.expected;
                received += p.received;
                lost += p.lost;
                disorder += p.disorder;
                seconds += p.seconds;
                server += p.serverCpuSeconds;
                client += p.clientCpuSeconds;
                n += p.latenciesNanos.length;
            }
            long[] all = new long[n];
            int at = 0;
            for (Phase p : list) {
                System.arraycopy(p.latenciesNanos, 0, all, at, p.latenciesNanos.length);
                at += p.latenciesNanos.length;
            }
            Arrays.sort(all);
            return new Phase(list.get(0).scenario, list.get(0).side, expected, received, lost, disorder, seconds, all,
                    server, client, "");
        }
    }

    /** One client socket: checks the order of what it receives and keeps the latencies of a phase. */
    static final class Receiver implements WebSocket.Listener {
        private final boolean mizan;
        private final AtomicLong delivered;
        private final StringBuilder partial = new StringBuilder();
        final CompletableFuture<Void> joined = new CompletableFuture<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket;
        long[] latencies = new long[0];
        int count;
        long inOrder;
        long disorder;
        volatile long lastAt;
        private volatile long next;

        Receiver(boolean mizan, AtomicLong delivered) {
            this.mizan = mizan;
            this.delivered = delivered;
        }

        /** Expects {@code from}, {@code from + 1}, ... from now on (called while nothing is sent). */
        void expect(long from, int capacity) {
            if (latencies.length < capacity) {
                latencies = new long[capacity];
            }
            count = 0;
            inOrder = 0;
            disorder = 0;
            next = from; // volatile: publishes the rest to the listener's thread
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            if (!last) {
                partial.append(data);
                return null;
            }
            String text;
            if (partial.length() > 0) {
                text = partial.append(data).toString();
                partial.setLength(0);
            } else {
                text = data.toString();
            }
            if (mizan && !text.startsWith("{\"op\":\"message\"")) {
                if (text.startsWith("{\"op\":\"joined\"")) {
                    joined.complete(null);
                } else {
                    joined.completeExceptionally(new IllegalStateException("unexpected frame " + text));
                }
                return null;
            }
            long seq = number(text, "\"seq\":");
            long sent = number(text, "\"sent\":");
            long expected = next;
            if (seq == expected) {
                if (count < latencies.length) {
                    latencies[count++] = now - sent;
                }
                inOrder++;
                next = expected + 1;
            } else {
                disorder++;
                if (seq > expected) {
                    next = seq + 1;
                }
            }
            lastAt = now;
            delivered.incrementAndGet();
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            joined.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
            joined.completeExceptionally(error);
        }

        private static long number(String text, String key) {
            int at = text.indexOf(key);
            if (at < 0) {
                throw new IllegalStateException("no " + key + " in " + text);
            }
            long v = 0;
            for (int i = at + key.length(); i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                v = v * 10 + (c - '0');
            }
            return v;
        }
    }

    /** One side's clients. */
    static final class Fleet {
        final String side;
        final boolean mizan;
        final List<Receiver> receivers = new ArrayList<>();
        final AtomicLong delivered = new AtomicLong();
        long nextSeq;
        double connectSeconds;

        Fleet(String side, boolean mizan) {
            this.side = side;
            this.mizan = mizan;
        }
    }

    static final class Bench {
        final PayaraMicro server;
        final Settings s;
        final HttpClient http;
        final String base;
        final Fleet plain = new Fleet("plain loop", false);
        final Fleet mizan = new Fleet("Mizan", true);
        final List<String> notes = new ArrayList<>();

        Bench(PayaraMicro server, Settings s, HttpClient http) {
            this.server = server;
            this.s = s;
            this.http = http;
            this.base = "http://127.0.0.1:" + server.port + "/";
        }

        String run(long startMillis, String loadBefore, long t0) throws Exception {
            // the machine as it is before anything is pinned (nproc would see only the driver's CPU afterwards)
            String header = Report.header("Broadcast to " + s.sockets() + " sockets: Mizan against a plain loop",
                    Report.command(DOCUMENTED_COMMAND));
            String clock = checkClock();
            System.out.println(clock);
            connect(plain, "ws://127.0.0.1:" + server.port + "/plain");
            connect(mizan, "ws://127.0.0.1:" + server.port + "/mizan/ws");
            String stats = stats();
            System.out.println("open sockets (plain, Mizan): " + stats);
            String heapConnected = server.heapAfterGc();

            // warm-up: unmeasured bursts to both sides, every one checked, nothing pinned (the JIT has both cores)
            warmUp(s.warmupBroadcasts());
            System.out.printf(Locale.ROOT, "server idle after %.1f s%n", server.awaitIdle(20));

            // then the server on one CPU, this driver and its clients on the other, for the rest of the run
            long driverPid = ProcessHandle.current().pid();
            String pinning;
            if (s.pin()) {
                String pinnedServer = Pinning.pin(server.pid(), 0);
                String pinnedDriver = Pinning.pin(driverPid, 1);
                System.out.println("pinned: server " + pinnedServer + "; driver " + pinnedDriver);
                warmUp(s.pinnedWarmupBroadcasts());
                System.out.printf(Locale.ROOT, "server idle after %.1f s%n", server.awaitIdle(20));
                pinning = String.format(Locale.ROOT, "after the unpinned warm-up, the server (pid %d) to CPU 0 and"
                        + " this driver with its clients (pid %d) to CPU 1, every thread (taskset -a -c -p); %d more"
                        + " unmeasured bursts per side pinned; threads' CPUs at pinning: server %s, driver %s",
                        server.pid(), driverPid, s.pinnedWarmupBroadcasts(), pinnedServer, pinnedDriver);
            } else {
                pinning = "none (-Dbench.pin=false): the server and the driver share all CPUs";
            }

            List<Phase> phases = new ArrayList<>();
            rounds("no stalled socket", phases);

            // one stalled socket per side: it joins (connects), is flooded until its buffers are full, never reads
            String heapBeforeStall = server.heapAfterGc();
            Socket stalledPlain = stalledSocket("/plain?hole=1", null);
            Socket stalledMizan = stalledSocket("/mizan/ws", new String[]{join("s", "bench"), join("h", "hole")});
            Thread.sleep(500);
            String statsStalled = stats();
            System.out.println("stalled sockets joined; open sockets (plain, Mizan): " + statsStalled);
            expectOk(post("api/plain/flood?count=" + FLOOD_COUNT + "&size=" + FLOOD_SIZE, null));
            expectOk(post("api/mizan/call/flood", "{\"count\":" + FLOOD_COUNT + ",\"size\":" + FLOOD_SIZE + "}"));
            Thread.sleep(1000);
            String statsFlooded = stats();
            String heapFlooded = server.heapAfterGc();
            System.out.println("flooded; open sockets (plain, Mizan): " + statsFlooded + "; heap " + heapFlooded);
            System.out.printf(Locale.ROOT, "server idle after %.1f s%n", server.awaitIdle(10));
            rounds("one stalled socket", phases);
            String statsEnd = stats();
            String heapEnd = server.heapAfterGc();
            boolean mizanClosedIt = closedByServer(stalledMizan);
            boolean plainClosedIt = closedByServer(stalledPlain, 2_000);
            stalledPlain.close();
            stalledMizan.close();
            if (s.pin()) {
                pinning += "; at the end: server " + Pinning.affinity(server.pid()) + ", driver "
                        + Pinning.affinity(driverPid);
            }

            StringBuilder t = new StringBuilder();
            t.append(header);
            t.append("mizan:    ").append(Report.mizanJar(server.war)).append('\n');
            t.append("load avg: before ").append(loadBefore).append(", after ").append(Report.loadAverage())
                    .append(" (1, 5, 15 min; other processes on the machine add noise)\n");
            t.append("ulimit:   ").append(Report.run("sh", "-c", "ulimit -n").strip()).append(" open files\n");
            t.append("server:   Payara Micro 6.2025.10, ").append(String.join(" ", server.command)).append('\n');
            t.append(String.format(Locale.ROOT, "          ready in %.1f s; heap after a forced GC: %s with all sockets"
                    + " connected%n", startMillis / 1e3, heapConnected));
            t.append("clock:    ").append(clock).append('\n');
            t.append("pinning:  ").append(pinning).append('\n');
            t.append(String.format(Locale.ROOT, "clients:  %d JDK WebSockets per side (java.net.http, one HttpClient,"
                    + " 4 executor threads) to 127.0.0.1, both fleets open throughout; connected (and joined) in %.1f s"
                    + " (plain) and %.1f s (Mizan); open sockets (plain, Mizan) by the server's count: %s%n",
                    s.sockets(), plain.connectSeconds, mizan.connectSeconds, stats));
            t.append(String.format(Locale.ROOT, "phase:    %d broadcast(s) of %d messages (each a burst: the trigger's"
                    + " loop sends all %d, then waits until every client has them), so %d deliveries; %d unmeasured"
                    + " bursts per side first; %d pairs of phases per scenario, interleaved A B B A (plain, Mizan,"
                    + " Mizan, plain, ...)%n",
                    s.broadcasts(), s.messages(), s.messages(), (long) s.broadcasts() * s.messages() * s.sockets(),
                    s.warmupBroadcasts() + (s.pin() ? s.pinnedWarmupBroadcasts() : 0), s.rounds()));
            t.append("checked:  every client receives every sequence number exactly once, in order; latency = client"
                    + " nanoTime at receipt - server nanoTime when the message was handed to the Broadcaster/loop\n");
            t.append('\n');
            t.append("phases\n");
            t.append(String.format(Locale.ROOT, "%-19s %-10s %10s %12s %7s %7s %8s %6s %6s %10s %10s %20s%n", "scenario",
                    "side", "delivered", "deliveries/s", "p50 ms", "p99 ms", "max ms", "lost", "disord",
                    "srv ms/1k", "cli ms/1k", "open (plain, Mizan)"));
            for (Phase p : phases) {
                t.append(row(p));
            }
            t.append("(srv ms/1k, cli ms/1k: CPU time of the Payara Micro process, of this driver and its clients, per"
                    + " 1,000 deliveries; open: the server's count of open sockets after the phase)\n");
            t.append('\n');
            t.append("summary (all phases of a scenario and side together)\n");
            t.append(String.format(Locale.ROOT, "%-19s %12s %12s %7s %15s %15s %7s %11s %11s %6s%n", "scenario",
                    "plain del/s", "Mizan del/s", "ratio", "plain p50/p99", "Mizan p50/p99", "p99 ÷", "plain ms/1k",
                    "Mizan ms/1k", "lost"));
            Map<String, List<Phase>> by = new LinkedHashMap<>();
            for (Phase p : phases) {
                by.computeIfAbsent(p.scenario() + "|" + p.side(), k -> new ArrayList<>()).add(p);
            }
            for (String scenario : List.of("no stalled socket", "one stalled socket")) {
                Phase pl = Phase.merge(by.get(scenario + "|" + plain.side));
                Phase mz = Phase.merge(by.get(scenario + "|" + mizan.side));
                t.append(String.format(Locale.ROOT, "%-19s %12.0f %12.0f %7.3f %15s %15s %7.3f %11.1f %11.1f %6s%n",
                        scenario, pl.perSecond(), mz.perSecond(), mz.perSecond() / pl.perSecond(),
                        String.format(Locale.ROOT, "%.1f/%.1f ms", pl.percentileMillis(50), pl.percentileMillis(99)),
                        String.format(Locale.ROOT, "%.1f/%.1f ms", mz.percentileMillis(50), mz.percentileMillis(99)),
                        mz.percentileMillis(99) / pl.percentileMillis(99), pl.serverCpuPerThousand(),
                        mz.serverCpuPerThousand(), pl.lost() + "/" + mz.lost()));
            }
            t.append("ratio: Mizan ÷ plain deliveries/s (below 1: Mizan is slower); p99 ÷: Mizan's p99 ÷ plain's (above"
                    + " 1: Mizan's is longer); lost: plain/Mizan\n");
            t.append('\n');
            t.append("ratios per pair of phases (each Mizan phase against the plain phase of its pair): median [min, max]\n");
            for (String scenario : List.of("no stalled socket", "one stalled socket")) {
                List<Phase> pl = by.get(scenario + "|" + plain.side);
                List<Phase> mz = by.get(scenario + "|" + mizan.side);
                List<Double> rate = new ArrayList<>();
                List<Double> p99 = new ArrayList<>();
                for (int i = 0; i < Math.min(pl.size(), mz.size()); i++) {
                    rate.add(mz.get(i).perSecond() / pl.get(i).perSecond());
                    p99.add(mz.get(i).percentileMillis(99) / pl.get(i).percentileMillis(99));
                }
                Report.Summary r = Report.Summary.of(rate);
                Report.Summary q = Report.Summary.of(p99);
                t.append(String.format(Locale.ROOT, "%-19s deliveries/s %.3f [%.3f, %.3f]   p99 %.3f [%.3f, %.3f]%n",
                        scenario, r.median(), r.min(), r.max(), q.median(), q.min(), q.max()));
            }
            t.append('\n');
            t.append("deliveries/s per phase, each side: median [min, max] (n phases)\n");
            for (String scenario : List.of("no stalled socket", "one stalled socket")) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-19s", scenario));
                for (Fleet f : List.of(plain, mizan)) {
                    List<Double> rates = new ArrayList<>();
                    for (Phase p : by.get(scenario + "|" + f.side)) {
                        rates.add(p.perSecond());
                    }
                    Report.Summary r = Report.Summary.of(rates);
                    line.append(String.format(Locale.ROOT, " %s %.0f [%.0f, %.0f] (%d)  ", f.side, r.median(), r.min(),
                            r.max(), r.n()));
                }
                t.append(line.toString().stripTrailing()).append('\n');
            }
            t.append('\n');
            t.append("the stalled sockets (a raw TCP connection each, receive buffer 4 KB, that never reads; flooded"
                    + " with " + FLOOD_COUNT + " messages of " + FLOOD_SIZE + " characters in a room only it is in,"
                    + " then in the measured room with the others)\n");
            t.append("  open sockets (plain, Mizan), the stalled ones included: ").append(statsStalled)
                    .append(" after joining, ").append(statsFlooded).append(" after the flood, ").append(statsEnd)
                    .append(" at the end\n");
            t.append("  closed by the server by the end: plain ").append(plainClosedIt ? "yes" : "no")
                    .append(", Mizan ").append(mizanClosedIt ? "yes" : "no").append('\n');
            t.append("  server heap after a forced GC: ").append(heapBeforeStall).append(" before the stalled sockets, ")
                    .append(heapFlooded).append(" after the flood, ").append(heapEnd).append(" at the end\n");
            for (String n : notes) {
                t.append("  ").append(n).append('\n');
            }
            t.append('\n');
            t.append(String.format(Locale.ROOT, "total run time: %.0f s%n", (System.nanoTime() - t0) / 1e9));
            return t.toString();
        }

        /** Unmeasured bursts to both sides, alternating, every one checked. */
        private void warmUp(int bursts) throws Exception {
            for (int i = 0; i < bursts; i++) {
                for (Fleet f : List.of(plain, mizan)) {
                    Phase w = phase("warm-up", f, 1);
                    if (w.lost() > 0 || w.disorder() > 0) {
                        throw new IllegalStateException("warm-up: " + f.side + " lost " + w.lost() + ", disorder "
                                + w.disorder());
                    }
                    if (i == bursts - 1 || i % 5 == 0) {
                        print(w);
                    }
                }
            }
        }

        /** Pairs of phases, A B B A: plain then Mizan, then Mizan then plain, and so on. */
        private void rounds(String scenario, List<Phase> phases) throws Exception {
            for (int round = 0; round < s.rounds(); round++) {
                List<Fleet> order = round % 2 == 0 ? List.of(plain, mizan) : List.of(mizan, plain);
                Phase[] pair = new Phase[2];
                for (Fleet f : order) {
                    Phase p = phase(scenario, f, s.broadcasts());
                    print(p);
                    pair[f == plain ? 0 : 1] = p;
                }
                phases.add(pair[0]);
                phases.add(pair[1]);
            }
        }

        /** {@code broadcasts} bursts of {@code bench.messages} to one fleet. */
        private Phase phase(String scenario, Fleet f, int broadcasts) throws Exception {
            int m = s.messages();
            long from = f.nextSeq;
            f.nextSeq += (long) broadcasts * m;
            int capacity = broadcasts * m;
            for (Receiver r : f.receivers) {
                r.expect(from, capacity);
            }
            f.delivered.set(0);
            double cpu0 = server.cpuSeconds();
            double client0 = clientCpuSeconds();
            long busy = 0;
            for (int b = 0; b < broadcasts; b++) {
                long target = (long) (b + 1) * m * f.receivers.size();
                long start = System.nanoTime();
                long seq = from + (long) b * m;
                HttpResponse<String> r = f.mizan
                        ? post("api/mizan/call/broadcast", "{\"from\":" + seq + ",\"count\":" + m + "}")
                        : post("api/plain/broadcast?from=" + seq + "&count=" + m, null);
                expectOk(r);
                long seen = -1;
                long progressAt = System.nanoTime();
                while (true) {
                    long d = f.delivered.get();
                    if (d >= target) {
                        break;
                    }
                    long now = System.nanoTime();
                    if (d != seen) {
                        seen = d;
                        progressAt = now;
                    } else if (now - progressAt > STALL_NANOS) {
                        notes.add(String.format(Locale.ROOT, "%s, %s: a burst ended with %d of %d deliveries (nothing"
                                + " arrived for 10 s)", scenario, f.side, d, target));
                        break;
                    }
                    Thread.sleep(1);
                }
                long last = start;
                for (Receiver rc : f.receivers) {
                    last = Math.max(last, rc.lastAt);
                }
                busy += last - start;
            }
            double cpu = server.cpuSeconds() - cpu0;
            double client = clientCpuSeconds() - client0;
            long expected = (long) capacity * f.receivers.size();
            long inOrder = 0, disorder = 0;
            int n = 0;
            for (Receiver r : f.receivers) {
                inOrder += r.inOrder;
                disorder += r.disorder;
                n += r.count;
            }
            long[] all = new long[n];
            int at = 0;
            for (Receiver r : f.receivers) {
                System.arraycopy(r.latencies, 0, all, at, r.count);
                at += r.count;
            }
            Arrays.sort(all);
            String open = scenario.equals("warm-up") ? "" : stats();
            return new Phase(scenario, f.side, expected, inOrder, expected - inOrder, disorder, busy / 1e9, all, cpu,
                    client, open);
        }

        private void connect(Fleet f, String uri) throws Exception {
            long t0 = System.nanoTime();
            int batch = 100;
            for (int i = 0; i < s.sockets(); i += batch) {
                List<Receiver> opening = new ArrayList<>();
                List<CompletableFuture<WebSocket>> futures = new ArrayList<>();
                for (int j = i; j < Math.min(s.sockets(), i + batch); j++) {
                    Receiver r = new Receiver(f.mizan, f.delivered);
                    opening.add(r);
                    futures.add(http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20))
                            .buildAsync(URI.create(uri), r));
                }
                for (int j = 0; j < opening.size(); j++) {
                    Receiver r = opening.get(j);
                    r.socket = futures.get(j).get(30, TimeUnit.SECONDS);
                    if (f.mizan) {
                        r.socket.sendText(join("r", "bench"), true).get(10, TimeUnit.SECONDS);
                    }
                }
                if (f.mizan) {
                    for (Receiver r : opening) {
                        r.joined.get(30, TimeUnit.SECONDS);
                    }
                }
                f.receivers.addAll(opening);
            }
            f.connectSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%s: %d sockets connected%s in %.1f s%n", f.side, f.receivers.size(),
                    f.mizan ? " and joined" : "", f.connectSeconds);
        }

        /** Checks that the server's System.nanoTime() is this JVM's (Linux: CLOCK_MONOTONIC, machine-wide). */
        private String checkClock() throws Exception {
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 20; i++) {
                long a = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "api/plain/clock")).GET()
                        .build(), HttpResponse.BodyHandlers.ofString());
                long b = System.nanoTime();
                expectOk(r);
                long serverNanos = Long.parseLong(r.body().trim());
                if (serverNanos < a || serverNanos > b) {
                    throw new IllegalStateException("the server's System.nanoTime() " + serverNanos + " is not within"
                            + " the request's [" + a + ", " + b + "]: the two JVMs do not share a clock, latencies would"
                            + " be meaningless");
                }
                best = Math.min(best, b - a);
            }
            return String.format(Locale.ROOT, "the server's System.nanoTime() fell within the client's request"
                    + " window 20 times out of 20 (shortest window %.3f ms): one clock", best / 1e6);
        }

        private String stats() throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "api/plain/stats")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            expectOk(r);
            return r.body().trim().replace(' ', '/');
        }

        private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
            if (json == null) {
                b.POST(HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** A WebSocket over a raw TCP connection that sends its frames, then never reads again. */
        private Socket stalledSocket(String path, String[] frames) throws IOException {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4096); // before connecting, so that the window stays small
            socket.connect(new InetSocketAddress("127.0.0.1", server.port), 10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    throw new IllegalStateException("no handshake answer: " + head);
                }
                head.append((char) c);
            }
            if (!head.toString().startsWith("HTTP/1.1 101")) {
                throw new IllegalStateException("handshake refused: " + head);
            }
            if (frames != null) {
                for (String f : frames) {
                    writeFrame(out, f);
                }
            }
            return socket;
        }
    }

    static String join(String ref, String room) {
        return "{\"op\":\"join\",\"ref\":\"" + ref + "\",\"channel\":\"room\",\"params\":{\"room\":\"" + room + "\"}}";
    }

    /** A masked text frame, as a client must send it (short frames only). */
    private static void writeFrame(OutputStream out, String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        out.write(new byte[]{(byte) 0x81, (byte) (0x80 | payload.length)});
        out.write(mask);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
        }
        out.write(payload);
        out.flush();
    }

    private static boolean closedByServer(Socket socket) throws IOException {
        return closedByServer(socket, 20_000);
    }

    /** Whether the server closed the connection: reading drains what was sent and ends. */
    private static boolean closedByServer(Socket socket, int quietMillis) throws IOException {
        socket.setSoTimeout(quietMillis);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            while (in.read(buffer) >= 0) {
                // drain
            }
            return true;
        } catch (java.net.SocketException e) {
            return true; // reset by the server
        } catch (java.net.SocketTimeoutException e) {
            return false; // still open: nothing more came for a while
        }
    }

    private static void expectOk(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static String row(Phase p) {
        return String.format(Locale.ROOT, "%-19s %-10s %10d %12.0f %7.1f %7.1f %8.1f %6d %6d %10.1f %10.1f %20s%n",
                p.scenario(), p.side(), p.received(), p.perSecond(), p.percentileMillis(50), p.percentileMillis(99),
                p.maxMillis(), p.lost(), p.disorder(), p.serverCpuPerThousand(), p.clientCpuPerThousand(),
                p.sockets());
    }

    private static void print(Phase p) {
        System.out.printf(Locale.ROOT, "%tT %s", new java.util.Date(), row(p));
    }

    private static double clientCpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    private static int bounded(String property, int fallback, int min, int max) {
        int v = Integer.getInteger(property, fallback);
        if (v < min || v > max) {
            throw new IllegalArgumentException(property + " must be within " + min + ".." + max + ", not " + v);
        }
        return v;
    }

    private ChannelsBench() {
    }
}
