package io.mizan.bench;

import static io.mizan.bench.BroadcastDriver.percentileMillis;
import static io.mizan.bench.BroadcastDriver.row;

import io.mizan.bench.BroadcastDriver.Fleet;
import io.mizan.bench.BroadcastDriver.Phase;
import io.mizan.bench.BroadcastDriver.Receiver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A channel broadcast across two nodes against the same broadcast on one node: two Payara Micro processes of
 * {@code channels-app} relaying through one {@code redis-server} ({@code MIZAN_CHANNELS_REDIS_URI}), all of which
 * this class starts and always stops.
 *
 * <p>Two fleets of Mizan clients stay connected for the whole run, each in its own room: "one node",
 * {@code 2 × bench.nodeSockets} sockets on node A (room "one"), and "two nodes", {@code bench.nodeSockets} on node
 * A and as many on node B (room "two"). Every burst is triggered on node A ({@code broadcastTo}); node A sends to
 * its own members and publishes each message once to Redis, and node B sends what it hears to its members. The
 * phases are interleaved A B B A (one node, two nodes, two nodes, one node, ...), each pair gives the ratio two
 * nodes ÷ one node, and the report gives its median and spread, and whether any client lost a message.
 *
 * <p>Nothing is pinned: on 2 CPUs there is no room to give two servers, Redis and the driver a CPU each.
 *
 * <p>Settings (system properties): {@code bench.nodeSockets} (500 per node), {@code bench.messages} (20 per
 * broadcast), {@code bench.broadcasts} (4 per phase), {@code bench.nodeRounds} (8 pairs of phases),
 * {@code bench.warmupBroadcasts} (8 per fleet), {@code bench.serverHeap} (1g, each server).
 */
public final class NodesBench {

    static final String DOCUMENTED_COMMAND = "mvn -B -q -f bench/channels-app/pom.xml package"
            + " && mvn -B -q -f bench/pom.xml package exec:exec@nodes";

    static final String SCENARIO = "broadcast";

    /** {@code mizan.channels.redis.prefix} of both nodes. */
    static final String PREFIX = "mizan-bench";

    /** The relay's warnings: Redis lost (191), back (192), an unreadable payload (193), a full backlog (194), presence (195). */
    static final List<String> RELAY_WARNINGS = List.of("MIZAN-191", "MIZAN-192", "MIZAN-193", "MIZAN-194",
            "MIZAN-195");

    record Settings(int perNode, int messages, int broadcasts, int rounds, int warmupBroadcasts, String serverHeap) {
    }

    public static void main(String[] args) throws Exception {
        PayaraMicro.Inputs in = PayaraMicro.Inputs.of(args,
                "NodesBench <bench dir> <payara-micro.jar> <channels-app.war>",
                DOCUMENTED_COMMAND);
        Path bench = in.bench();
        Path payara = in.payara();
        Path war = in.war();
        Settings s = new Settings(
                Report.bounded("bench.nodeSockets", 500, 1, 5_000),
                Report.bounded("bench.messages", 20, 1, 10_000),
                Report.bounded("bench.broadcasts", 4, 1, 1000),
                Report.bounded("bench.nodeRounds", 8, 1, 50),
                Report.bounded("bench.warmupBroadcasts", 8, 0, 1000),
                System.getProperty("bench.serverHeap", "1g"));
        String loadBefore = Report.loadAverage();
        long t0 = System.nanoTime();
        String header = Report.header("Broadcast across two nodes through Redis: " + 2 * s.perNode()
                + " sockets, " + s.perNode() + " per node, against the same on one node",
                Report.command(DOCUMENTED_COMMAND));

        RedisProcess redis;
        try {
            redis = RedisProcess.start(bench.resolve("target/redis.log"));
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(redis::stop, "stop-redis"));
        // an explicit prefix: without one, Mizan reads the context root from the ServletContext, which Payara's
        // CDI proxy refuses while the application starts (no request context), and the deployment fails
        Map<String, String> env = Map.of("MIZAN_CHANNELS_REDIS_URI", redis.uri(), "MIZAN_CHANNELS_REDIS_PREFIX",
                PREFIX);
        PayaraMicro a = new PayaraMicro(bench, payara, war, s.serverHeap(), "", "payara-a", env, List.of());
        PayaraMicro b = new PayaraMicro(bench, payara, war, s.serverHeap(), "", "payara-b", env, List.of());
        Runtime.getRuntime().addShutdownHook(new Thread(a::stop, "stop-payara-a"));
        Runtime.getRuntime().addShutdownHook(new Thread(b::stop, "stop-payara-b"));
        int exit = 1;
        try {
            System.out.println("redis-server on " + redis.uri() + " (pid " + redis.pid() + ")");
            long startA = a.start();
            System.out.printf(Locale.ROOT, "node A: Payara Micro ready on 127.0.0.1:%d in %.1f s (pid %d)%n", a.port,
                    startA / 1e3, a.pid());
            long startB = b.start();
            System.out.printf(Locale.ROOT, "node B: Payara Micro ready on 127.0.0.1:%d in %.1f s (pid %d)%n", b.port,
                    startB / 1e3, b.pid());
            Run run = new Run(s, redis, a, b);
            String table = run.run(header, startA, startB, loadBefore, t0);
            System.out.println();
            System.out.print(table);
            Path results = Report.resultsDir(bench).resolve("nodes.txt");
            Report.write(results, table);
            System.out.println("written to " + results);
            exit = run.lost == 0 && run.disorder == 0 ? 0 : 3;
            if (exit != 0) {
                System.err.println("clients lost " + run.lost + " messages and saw " + run.disorder + " out of order");
            }
        } catch (Exception e) {
            e.printStackTrace();
            System.err.println("logs: " + a.log + ", " + b.log + ", " + redis.log);
        } finally {
            a.stop();
            b.stop();
            redis.stop();
        }
        System.exit(exit);
    }

    static final class Run {
        final Settings s;
        final RedisProcess redis;
        final PayaraMicro a;
        final PayaraMicro b;
        final String baseA;
        final String baseB;
        final BroadcastDriver driver;
        final Fleet one;
        final Fleet two;
        /** The latencies of node A's sockets and of node B's (what went through Redis), per two-node phase. */
        final Map<Phase, long[][]> byNode = new IdentityHashMap<>();
        long lost;
        long disorder;

        Run(Settings s, RedisProcess redis, PayaraMicro a, PayaraMicro b) {
            this.s = s;
            this.redis = redis;
            this.a = a;
            this.b = b;
            this.baseA = "http://127.0.0.1:" + a.port + "/";
            this.baseB = "http://127.0.0.1:" + b.port + "/";
            this.driver = new BroadcastDriver(s.messages(), () -> a.cpuSeconds() + b.cpuSeconds() + redis.cpuSeconds(),
                    List.of(baseA, baseB));
            // both fleets are sent to on node A
            this.one = new Fleet("one node", true, (from, count) -> trigger("one", from, count));
            this.two = new Fleet("two nodes", true, (from, count) -> trigger("two", from, count));
        }

        private java.net.http.HttpResponse<String> trigger(String room, long from, int count)
                throws IOException, InterruptedException {
            return driver.post(baseA + "api/mizan/call/broadcastTo",
                    "{\"room\":\"" + room + "\",\"from\":" + from + ",\"count\":" + count + "}");
        }

        String run(String header, long startA, long startB, String loadBefore, long t0) throws Exception {
            String relayA = relayStarted(a);
            String relayB = relayStarted(b);
            String clockA = driver.checkClock(baseA);
            String clockB = driver.checkClock(baseB);
            System.out.println("node A: " + clockA + "\nnode B: " + clockB);
            driver.connect(one, "ws://127.0.0.1:" + a.port + "/mizan/ws", 2 * s.perNode(), "one");
            driver.connect(two, "ws://127.0.0.1:" + a.port + "/mizan/ws", s.perNode(), "two");
            driver.connect(two, "ws://127.0.0.1:" + b.port + "/mizan/ws", s.perNode(), "two");
            List<Receiver> onA = two.receivers.subList(0, s.perNode());
            List<Receiver> onB = two.receivers.subList(s.perNode(), 2 * s.perNode());
            String open = driver.openSockets();
            System.out.println("open sockets (plain/Mizan) on node A, node B: " + open);

            driver.warmUp(List.of(one, two), s.warmupBroadcasts());
            System.out.printf(Locale.ROOT, "servers idle after %.1f s and %.1f s%n", a.awaitIdle(20), b.awaitIdle(20));

            List<Phase> phases = new ArrayList<>();
            driver.afterPhase = p -> {
                if (p.side().equals(two.side)) {
                    byNode.put(p, new long[][] {BroadcastDriver.latencies(onA), BroadcastDriver.latencies(onB)});
                }
            };
            driver.rounds(SCENARIO, one, two, s.rounds(), s.broadcasts(), phases);
            driver.afterPhase = p -> { };
            String openEnd = driver.openSockets();
            long otherFrames = 0;
            String lastOther = null;
            for (Fleet f : List.of(one, two)) {
                for (Receiver r : f.receivers) {
                    otherFrames += r.otherFrames;
                    lastOther = r.lastOtherFrame != null ? r.lastOtherFrame : lastOther;
                }
            }
            List<Phase> ones = new ArrayList<>();
            List<Phase> twos = new ArrayList<>();
            for (Phase p : phases) {
                (p.side().equals(one.side) ? ones : twos).add(p);
                lost += p.lost();
                disorder += p.disorder();
            }

            StringBuilder t = new StringBuilder();
            t.append(header);
            t.append("mizan:    ").append(Report.mizanJar(a.war)).append('\n');
            t.append("load avg: before ").append(loadBefore).append(", after ").append(Report.loadAverage())
                    .append(" (1, 5, 15 min; other processes on the machine add noise)\n");
            t.append("ulimit:   ").append(Report.run("sh", "-c", "ulimit -n").strip()).append(" open files\n");
            t.append("redis:    ").append(redis.version()).append(", ").append(redis.uri())
                    .append(", no persistence (--save '' --appendonly no)\n");
            for (PayaraMicro node : List.of(a, b)) {
                t.append(node == a ? "node A:   " : "node B:   ").append("Payara Micro 6.2025.10, ")
                        .append("MIZAN_CHANNELS_REDIS_URI=").append(redis.uri())
                        .append(" MIZAN_CHANNELS_REDIS_PREFIX=").append(PREFIX).append(' ')
                        .append(String.join(" ", node.command)).append('\n');
            }
            t.append(String.format(Locale.ROOT, "          ready in %.1f s (A) and %.1f s (B), one after the other%n",
                    startA / 1e3, startB / 1e3));
            t.append("datagrid: node A ").append(logged(a, "Address: ").replace("Address: ", ""))
                    .append(", node B ").append(logged(b, "Address: ").replace("Address: ", ""))
                    .append(" (Payara Micro starts Hazelcast even with --nocluster; the second takes the next free port)\n");
            t.append("relay:    node A: ").append(relayA).append("\n          node B: ").append(relayB).append('\n');
            t.append("clock:    node A: ").append(clockA).append("\n          node B: ").append(clockB).append('\n');
            t.append("pinning:  none. On 2 CPUs there is no room to pin two servers, redis-server and this driver"
                    + " each to its own CPU: all processes share all CPUs, so the two nodes compete with each other"
                    + " and with the clients\n");
            t.append(String.format(Locale.ROOT, "clients:  Mizan JDK WebSockets (java.net.http, one HttpClient, 4"
                    + " executor threads) to 127.0.0.1, both fleets open throughout: one node = %d on node A in room"
                    + " \"one\"; two nodes = %d on node A and %d on node B in room \"two\"; connected and joined in"
                    + " %.1f s and %.1f s; open sockets (plain/Mizan) on node A, node B: %s%n",
                    2 * s.perNode(), s.perNode(), s.perNode(), one.connectSeconds, two.connectSeconds, open));
            t.append(String.format(Locale.ROOT, "phase:    %d broadcast(s) of %d messages triggered on node A"
                    + " (broadcastTo: Broadcaster.send to the fleet's room, each message delivered to node A's members"
                    + " and published once to Redis; node B delivers what it hears), so %d deliveries; %d unmeasured"
                    + " bursts per fleet first; %d pairs of phases, interleaved A B B A (one node, two nodes, two"
                    + " nodes, one node, ...)%n",
                    s.broadcasts(), s.messages(), (long) s.broadcasts() * s.messages() * 2 * s.perNode(),
                    s.warmupBroadcasts(), s.rounds()));
            t.append("checked:  every client receives every sequence number exactly once, in order; latency = client"
                    + " nanoTime at receipt - node A's nanoTime when the message was handed to the Broadcaster\n");
            t.append('\n');
            t.append("phases\n");
            t.append(BroadcastDriver.heading("open A B (plain/Mizan)"));
            for (Phase p : phases) {
                t.append(row(p));
            }
            t.append("(srv ms/1k: CPU time of both Payara Micro processes and redis-server together, cli ms/1k: of"
                    + " this driver and its clients, per 1,000 deliveries; open: each server's count of open sockets"
                    + " after the phase)\n");
            t.append('\n');
            t.append("two-node phases by the node a socket is on: p50/p99 ms\n");
            for (Phase p : twos) {
                long[] onANanos = byNode.get(p)[0];
                long[] onBNanos = byNode.get(p)[1];
                t.append(String.format(Locale.ROOT, "  node A (sent by A) %6.1f/%6.1f    node B (relayed through Redis)"
                        + " %6.1f/%6.1f%n", percentileMillis(onANanos, 50), percentileMillis(onANanos, 99),
                        percentileMillis(onBNanos, 50), percentileMillis(onBNanos, 99)));
            }
            t.append('\n');
            Phase o = Phase.merge(ones);
            Phase w = Phase.merge(twos);
            t.append("summary (all phases of a fleet together)\n");
            t.append(String.format(Locale.ROOT, "%-10s %12s %17s %11s %6s %6s%n", "fleet", "deliveries/s",
                    "p50/p99 ms", "srv ms/1k", "lost", "disord"));
            for (Phase p : List.of(o, w)) {
                t.append(String.format(Locale.ROOT, "%-10s %12.0f %17s %11.1f %6d %6d%n", p.side(), p.perSecond(),
                        String.format(Locale.ROOT, "%.1f/%.1f", p.percentileMillis(50), p.percentileMillis(99)),
                        p.serverCpuPerThousand(), p.lost(), p.disorder()));
            }
            t.append(String.format(Locale.ROOT, "two nodes ÷ one node, all phases together: deliveries/s %.3f, p99"
                    + " %.3f%n", w.perSecond() / o.perSecond(), w.percentileMillis(99) / o.percentileMillis(99)));
            t.append('\n');
            Report.Summary r = Report.pairRatios(ones, twos, Phase::perSecond);
            Report.Summary q = Report.pairRatios(ones, twos, p -> p.percentileMillis(99));
            t.append("ratios per pair of phases (two nodes ÷ one node): median [min, max] (n pairs)\n");
            t.append(String.format(Locale.ROOT, "  deliveries/s %.3f [%.3f, %.3f] (%d)   p99 %.3f [%.3f, %.3f]%n",
                    r.median(), r.min(), r.max(), r.n(), q.median(), q.min(), q.max()));
            t.append('\n');
            t.append("deliveries/s per phase, each fleet: median [min, max] (n phases)\n");
            for (List<Phase> list : List.of(ones, twos)) {
                List<Double> rates = new ArrayList<>();
                for (Phase p : list) {
                    rates.add(p.perSecond());
                }
                Report.Summary m = Report.Summary.of(rates);
                t.append(String.format(Locale.ROOT, "  %-10s %.0f [%.0f, %.0f] (%d)%n", list.get(0).side(), m.median(),
                        m.min(), m.max(), m.n()));
            }
            t.append('\n');
            t.append(String.format(Locale.ROOT, "zero lost: %s (lost %d, out of order %d over %d measured phases of %d"
                    + " deliveries each)%n", lost == 0 && disorder == 0 ? "yes" : "NO", lost, disorder, phases.size(),
                    (long) s.broadcasts() * s.messages() * 2 * s.perNode()));
            t.append("other frames after joining (e.g. a resync after a gap of the relay): ").append(otherFrames)
                    .append(lastOther == null ? "" : ", the last: " + lastOther).append('\n');
            t.append("relay warnings logged (MIZAN-191 to 195): node A ").append(warnings(a)).append(", node B ")
                    .append(warnings(b)).append('\n');
            t.append("open sockets (plain/Mizan) on node A, node B at the end: ").append(openEnd).append('\n');
            for (String n : driver.notes) {
                t.append("  ").append(n).append('\n');
            }
            t.append('\n');
            t.append("figures (read by Summary: all phases of a fleet together, as in the summary above; pairRatio:"
                    + " the median of the pairs' ratios, with their min and max; lost counts messages lost or out of order)\n");
            t.append(Report.figure("nodes.two.perSecond", w.perSecond()));
            t.append(Report.figure("nodes.one.perSecond", o.perSecond()));
            t.append(Report.figures("nodes.pairRatio.perSecond", r));
            t.append(Report.figure("nodes.two.p99.ms", w.percentileMillis(99)));
            t.append(Report.figure("nodes.one.p99.ms", o.percentileMillis(99)));
            t.append(Report.figure("nodes.two.lost.count", w.lost() + w.disorder()));
            t.append(Report.figure("nodes.one.lost.count", o.lost() + o.disorder()));
            t.append('\n');
            t.append(String.format(Locale.ROOT, "total run time: %.0f s%n", (System.nanoTime() - t0) / 1e9));
            return t.toString();
        }
    }

    /** The relay's start line (MIZAN-190) in a node's log; fails when the node does not relay through Redis. */
    private static String relayStarted(PayaraMicro node) throws IOException {
        String line = logged(node, "MIZAN-190");
        if (line.isEmpty()) {
            throw new IllegalStateException("no MIZAN-190 in " + node.log + ": the node does not relay through Redis;"
                    + " is MIZAN_CHANNELS_REDIS_URI read?");
        }
        return line;
    }

    /** What follows {@code start} on the first line of a node's log that has it, up to the line's end; or "". */
    private static String logged(PayaraMicro node, String start) throws IOException {
        for (String line : Files.readAllLines(node.log)) {
            int at = line.indexOf(start);
            if (at >= 0) {
                return line.substring(at).strip();
            }
        }
        return "";
    }

    private static String warnings(PayaraMicro node) throws IOException {
        int n = 0;
        for (String line : Files.readAllLines(node.log)) {
            for (String id : RELAY_WARNINGS) {
                if (line.contains(id)) {
                    n++;
                }
            }
        }
        return n == 0 ? "none" : n + " (see " + node.log.getFileName() + ")";
    }

    private NodesBench() {
    }
}
