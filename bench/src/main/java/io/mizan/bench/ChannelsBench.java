package io.mizan.bench;

import static io.mizan.bench.BroadcastDriver.expectOk;
import static io.mizan.bench.BroadcastDriver.join;
import static io.mizan.bench.BroadcastDriver.row;

import io.mizan.bench.BroadcastDriver.Fleet;
import io.mizan.bench.BroadcastDriver.InboundPhase;
import io.mizan.bench.BroadcastDriver.Phase;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * <p>Last, messages the other way: every client of a fleet sends {@code bench.inboundMessages} messages, each as
 * soon as its previous one is written, which the server reads and counts: Mizan's room channel's {@code receive}
 * (the frame parsed, its ref looked up, the rate limit checked, the message bound and validated, the handler
 * called) against a plain {@code @OnMessage} that reads the same message with JSON-B. Phases interleaved as above,
 * after unmeasured ones during the warm-up; the figure is the server's CPU per message.
 *
 * <p>Settings (system properties): {@code bench.sockets} (1000), {@code bench.inboundMessages} (50 per client per
 * phase), {@code bench.messages} (20 per
 * broadcast), {@code bench.broadcasts} (4 per phase: a phase of 80,000 deliveries lasts seconds, not a
 * fraction of one), {@code bench.channelRounds} (8 pairs of phases per scenario), {@code bench.warmupBroadcasts}
 * (8 per side, unpinned), {@code bench.pinnedWarmupBroadcasts} (2 per side, after pinning), {@code bench.pin}
 * (true: needs {@code taskset}, package util-linux, and 2 CPUs), {@code bench.serverHeap} (1g),
 * {@code bench.serverJvmArgs} (more options for the server's JVM, a JFR recording for one; with
 * {@code -Dbench.results=<folder>} elsewhere, so that the recorded run leaves the results alone).
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

    public static void main(String[] args) throws Exception {
        PayaraMicro.Inputs in = PayaraMicro.Inputs.of(args,
                "ChannelsBench <bench dir> <payara-micro.jar> <channels-app.war>",
                DOCUMENTED_COMMAND);
        Path bench = in.bench();
        Path payara = in.payara();
        Path war = in.war();
        Settings s = new Settings(
                Report.bounded("bench.sockets", 1000, 1, 10_000),
                Report.bounded("bench.messages", 20, 1, 10_000),
                Report.bounded("bench.inboundMessages", 50, 1, 10_000),
                Report.bounded("bench.broadcasts", 4, 1, 1000),
                Report.bounded("bench.channelRounds", 8, 1, 50),
                Report.bounded("bench.warmupBroadcasts", 8, 0, 1000),
                Report.bounded("bench.pinnedWarmupBroadcasts", 2, 0, 1000),
                Boolean.parseBoolean(System.getProperty("bench.pin", "true")),
                System.getProperty("bench.serverHeap", "1g"));
        if (s.pin()) {
            Pinning.check();
        }
        String loadBefore = Report.loadAverage();
        long t0 = System.nanoTime();

        PayaraMicro server = new PayaraMicro(bench, payara, war, s.serverHeap(), System.getProperty("bench.serverJvmArgs", "").trim());
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-payara"));
        int exit = 1;
        try {
            long startMillis = server.start();
            System.out.printf(Locale.ROOT, "Payara Micro ready on 127.0.0.1:%d in %.1f s (pid %d)%n", server.port,
                    startMillis / 1e3, server.pid());
            Bench b = new Bench(server, s);
            String table = b.run(startMillis, loadBefore, t0);
            System.out.println();
            System.out.print(table);
            Path results = Report.resultsDir(bench).resolve("channels.txt");
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

    record Settings(int sockets, int messages, int inboundMessages, int broadcasts, int rounds, int warmupBroadcasts,
                    int pinnedWarmupBroadcasts, boolean pin, String serverHeap) {
    }

    static final class Bench {
        final PayaraMicro server;
        final Settings s;
        final String base;
        final BroadcastDriver driver;
        final Fleet plain;
        final Fleet mizan;

        Bench(PayaraMicro server, Settings s) {
            this.server = server;
            this.s = s;
            this.base = "http://127.0.0.1:" + server.port + "/";
            this.driver = new BroadcastDriver(s.messages(), server::cpuSeconds, List.of(base));
            this.plain = new Fleet("plain loop", false,
                    (from, count) -> driver.post(base + "api/plain/broadcast?from=" + from + "&count=" + count, null));
            this.mizan = new Fleet("Mizan", true, (from, count) -> driver.post(base + "api/mizan/call/broadcast",
                    "{\"from\":" + from + ",\"count\":" + count + "}"));
        }

        String run(long startMillis, String loadBefore, long t0) throws Exception {
            // the machine as it is before anything is pinned (nproc would see only the driver's CPU afterwards)
            String header = Report.header("Broadcast to " + s.sockets() + " sockets: Mizan against a plain loop",
                    Report.command(DOCUMENTED_COMMAND));
            String clock = driver.checkClock(base);
            System.out.println(clock);
            driver.connect(plain, "ws://127.0.0.1:" + server.port + "/plain", s.sockets(), null);
            driver.connect(mizan, "ws://127.0.0.1:" + server.port + "/mizan/ws", s.sockets(), "bench");
            String stats = driver.stats(base);
            System.out.println("open sockets (plain, Mizan): " + stats);
            String heapConnected = server.heapAfterGc();

            // warm-up: unmeasured bursts to both sides, every one checked, nothing pinned (the JIT has both cores)
            driver.warmUp(List.of(plain, mizan), s.warmupBroadcasts());
            for (int i = 0; i < Math.max(1, s.warmupBroadcasts() / 2); i++) {
                for (Fleet f : List.of(plain, mizan)) {
                    InboundPhase w = inbound(f);
                    printInbound("warm-up", w);
                    if (w.lost() > 0) {
                        throw new IllegalStateException("warm-up, messages in: " + f.side + " lost " + w.lost());
                    }
                }
            }
            System.out.printf(Locale.ROOT, "server idle after %.1f s%n", server.awaitIdle(20));

            // then the server on one CPU, this driver and its clients on the other, for the rest of the run
            long driverPid = ProcessHandle.current().pid();
            String pinning;
            if (s.pin()) {
                String pinnedServer = Pinning.pin(server.pid(), 0);
                String pinnedDriver = Pinning.pin(driverPid, 1);
                System.out.println("pinned: server " + pinnedServer + "; driver " + pinnedDriver);
                driver.warmUp(List.of(plain, mizan), s.pinnedWarmupBroadcasts());
                System.out.printf(Locale.ROOT, "server idle after %.1f s%n", server.awaitIdle(20));
                pinning = String.format(Locale.ROOT, "after the unpinned warm-up, the server (pid %d) to CPU 0 and"
                        + " this driver with its clients (pid %d) to CPU 1, every thread (taskset -a -c -p); %d more"
                        + " unmeasured bursts per side pinned; threads' CPUs at pinning: server %s, driver %s",
                        server.pid(), driverPid, s.pinnedWarmupBroadcasts(), pinnedServer, pinnedDriver);
            } else {
                pinning = "none (-Dbench.pin=false): the server and the driver share all CPUs";
            }

            List<Phase> phases = new ArrayList<>();
            driver.rounds("no stalled socket", plain, mizan, s.rounds(), s.broadcasts(), phases);

            // one stalled socket per side: it joins (connects), is flooded until its buffers are full, never reads
            String heapBeforeStall = server.heapAfterGc();
            Socket stalledPlain = stalledSocket("/plain?hole=1", null);
            Socket stalledMizan = stalledSocket("/mizan/ws", new String[]{join("s", "bench"), join("h", "hole")});
            Thread.sleep(500);
            String statsStalled = driver.stats(base);
            System.out.println("stalled sockets joined; open sockets (plain, Mizan): " + statsStalled);
            expectOk(driver.post(base + "api/plain/flood?count=" + FLOOD_COUNT + "&size=" + FLOOD_SIZE, null));
            expectOk(driver.post(base + "api/mizan/call/flood",
                    "{\"count\":" + FLOOD_COUNT + ",\"size\":" + FLOOD_SIZE + "}"));
            Thread.sleep(1000);
            String statsFlooded = driver.stats(base);
            String heapFlooded = server.heapAfterGc();
            System.out.println("flooded; open sockets (plain, Mizan): " + statsFlooded + "; heap " + heapFlooded);
            System.out.printf(Locale.ROOT, "server idle after %.1f s%n", server.awaitIdle(10));
            driver.rounds("one stalled socket", plain, mizan, s.rounds(), s.broadcasts(), phases);
            String statsEnd = driver.stats(base);
            String heapEnd = server.heapAfterGc();
            boolean mizanClosedIt = closedByServer(stalledMizan);
            boolean plainClosedIt = closedByServer(stalledPlain, 2_000);
            stalledPlain.close();
            stalledMizan.close();

            // messages the other way: every client sends, the server counts
            List<InboundPhase> inPhases = new ArrayList<>();
            BroadcastDriver.interleaved(s.rounds(), plain, mizan, f -> {
                InboundPhase p = inbound(f);
                printInbound("inbound", p);
                return p;
            }, inPhases);
            String statsInbound = driver.stats(base);

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
            t.append(BroadcastDriver.heading("open (plain, Mizan)"));
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
                Report.Summary r = Report.pairRatios(pl, mz, Phase::perSecond);
                Report.Summary q = Report.pairRatios(pl, mz, p -> p.percentileMillis(99));
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
            for (String n : driver.notes) {
                t.append("  ").append(n).append('\n');
            }
            t.append('\n');
            List<InboundPhase> inPlain = inPhases.stream().filter(p -> p.side().equals(plain.side)).toList();
            List<InboundPhase> inMizan = inPhases.stream().filter(p -> p.side().equals(mizan.side)).toList();
            t.append(String.format(Locale.ROOT, "messages in: each of the %d clients of a side sends %d messages per phase"
                    + " (a Tick, inside a send frame for Mizan), the next as soon as the last is written; the server"
                    + " counts them and sums their sequence numbers (checked); time: first send to the server's receipt"
                    + " of the last; open sockets (plain, Mizan) after: %s%n", s.sockets(), s.inboundMessages(),
                    statsInbound));
            t.append(inboundHeading());
            for (InboundPhase p : inPhases) {
                t.append(inboundRow("inbound", p));
            }
            InboundPhase inPl = InboundPhase.merge(inPlain);
            InboundPhase inMz = InboundPhase.merge(inMizan);
            Report.Summary inRate = Report.pairRatios(inPlain, inMizan, InboundPhase::perSecond);
            Report.Summary inCpu = Report.pairRatios(inPlain, inMizan, InboundPhase::serverCpuMicros);
            t.append(String.format(Locale.ROOT, "all phases: plain %.0f msg/s, %.2f µs server CPU each; Mizan %.0f msg/s,"
                    + " %.2f µs each; per pair, Mizan ÷ plain: msg/s %.3f [%.3f, %.3f], server CPU per message %.3f"
                    + " [%.3f, %.3f]; lost: plain %d, Mizan %d%n", inPl.perSecond(), inPl.serverCpuMicros(),
                    inMz.perSecond(), inMz.serverCpuMicros(), inRate.median(), inRate.min(), inRate.max(),
                    inCpu.median(), inCpu.min(), inCpu.max(), inPl.lost(), inMz.lost()));
            t.append('\n');
            t.append("figures (read by Summary: all phases of a scenario and side together, as in the summary above;"
                    + " pairRatio: the median of the pairs' ratios, with their min and max)\n");
            for (String scenario : List.of("no stalled socket", "one stalled socket")) {
                String key = "channels." + (scenario.startsWith("no") ? "clean" : "stalled");
                List<Phase> pls = by.get(scenario + "|" + plain.side);
                List<Phase> mzs = by.get(scenario + "|" + mizan.side);
                Phase pl = Phase.merge(pls);
                Phase mz = Phase.merge(mzs);
                t.append(Report.figure(key + ".mizan.perSecond", mz.perSecond()));
                t.append(Report.figure(key + ".baseline.perSecond", pl.perSecond()));
                t.append(Report.figures(key + ".pairRatio.perSecond", Report.pairRatios(pls, mzs, Phase::perSecond)));
                t.append(Report.figure(key + ".mizan.p99.ms", mz.percentileMillis(99)));
                t.append(Report.figure(key + ".baseline.p99.ms", pl.percentileMillis(99)));
                t.append(Report.figure(key + ".mizan.lost.count", mz.lost() + mz.disorder()));
                t.append(Report.figure(key + ".baseline.lost.count", pl.lost() + pl.disorder()));
            }
            t.append(Report.figure("channels.inbound.mizan.perSecond", inMz.perSecond()));
            t.append(Report.figure("channels.inbound.baseline.perSecond", inPl.perSecond()));
            t.append(Report.figures("channels.inbound.pairRatio.perSecond", inRate));
            t.append(Report.figure("channels.inbound.mizan.serverCpu.us", inMz.serverCpuMicros()));
            t.append(Report.figure("channels.inbound.baseline.serverCpu.us", inPl.serverCpuMicros()));
            t.append(Report.figures("channels.inbound.pairRatio.serverCpu", inCpu));
            t.append(Report.figure("channels.inbound.mizan.lost.count", inMz.lost()));
            t.append(Report.figure("channels.inbound.baseline.lost.count", inPl.lost()));
            t.append('\n');
            t.append(String.format(Locale.ROOT, "total run time: %.0f s%n", (System.nanoTime() - t0) / 1e9));
            return t.toString();
        }

        /** One phase of messages in from every client of a fleet; the received triple: plain first, then Mizan. */
        private InboundPhase inbound(Fleet f) throws Exception {
            return driver.inbound(f, base, f == plain ? 0 : 1, s.inboundMessages());
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

    static String inboundHeading() {
        return String.format(Locale.ROOT, "%-9s %-10s %10s %10s %10s %12s %12s %6s%n", "phase", "side", "sent",
                "received", "msg/s", "srv µs/msg", "cli µs/msg", "lost");
    }

    static String inboundRow(String phase, InboundPhase p) {
        return String.format(Locale.ROOT, "%-9s %-10s %10d %10d %10.0f %12.2f %12.2f %6d%n", phase, p.side(), p.sent(),
                p.received(), p.perSecond(), p.serverCpuMicros(), p.clientCpuMicros(), p.lost());
    }

    static void printInbound(String phase, InboundPhase p) {
        System.out.printf(Locale.ROOT, "%tT %s", new java.util.Date(), inboundRow(phase, p));
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

    private ChannelsBench() {
    }
}
