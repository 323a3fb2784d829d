package io.mizan.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;

/**
 * The clients and the measurement of the broadcast benchmarks ({@link ChannelsBench}, {@link NodesBench}):
 * fleets of JDK WebSockets that check every message they receive, and phases of bursts, each triggered over
 * HTTP and waited for until every client of the fleet has every message.
 */
final class BroadcastDriver {

    /** Waiting for a burst ends when no client received anything for this long. */
    static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** Sends a burst of {@code count} messages numbered from {@code from} to a fleet: the server's answer. */
    interface Trigger {
        HttpResponse<String> send(long from, int count) throws IOException, InterruptedException;
    }

    /** What one phase measured. */
    record Phase(String scenario, String side, long expected, long received, long lost, long disorder,
                 double seconds, long[] latenciesNanos, double serverCpuSeconds, double clientCpuSeconds,
                 String sockets) {
        double perSecond() {
            return received / seconds;
        }

        double percentileMillis(double p) {
            return BroadcastDriver.percentileMillis(latenciesNanos, p);
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
        volatile long otherFrames;
        volatile String lastOtherFrame;
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
                } else if (joined.isDone()) {
                    otherFrames++; // after joining, e.g. a resync after a gap of the relay between nodes
                    lastOtherFrame = text;
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

    /** One side's clients, and how to send them a burst. */
    static final class Fleet {
        final String side;
        final boolean mizan;
        final Trigger trigger;
        final List<Receiver> receivers = new ArrayList<>();
        final AtomicLong delivered = new AtomicLong();
        long nextSeq;
        double connectSeconds;

        Fleet(String side, boolean mizan, Trigger trigger) {
            this.side = side;
            this.mizan = mizan;
            this.trigger = trigger;
        }
    }

    final HttpClient http;
    final int messages;
    final List<String> notes = new ArrayList<>();
    /** Told of each measured phase of {@link #rounds} as soon as it ends, while its clients still hold its latencies. */
    Consumer<Phase> afterPhase = p -> { };
    private final DoubleSupplier serverCpuSeconds;
    private final List<String> bases;

    /**
     * @param messages messages per burst
     * @param serverCpuSeconds the CPU seconds the server processes have used so far
     * @param bases the servers' URLs ({@code http://127.0.0.1:<port>/}), whose counts of open sockets are shown after
     *     each measured phase
     */
    BroadcastDriver(int messages, DoubleSupplier serverCpuSeconds, List<String> bases) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, "ws-client");
                    t.setDaemon(true);
                    return t;
                }))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        this.messages = messages;
        this.serverCpuSeconds = serverCpuSeconds;
        this.bases = bases;
    }

    /** Unmeasured bursts to each fleet in turn, every one checked. */
    void warmUp(List<Fleet> fleets, int bursts) throws Exception {
        for (int i = 0; i < bursts; i++) {
            for (Fleet f : fleets) {
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

    /**
     * Pairs of phases, A B B A: the baseline then the other, then the other then the baseline, and so on;
     * each pair is added baseline first.
     */
    void rounds(String scenario, Fleet baseline, Fleet other, int rounds, int broadcasts, List<Phase> phases)
            throws Exception {
        interleaved(rounds, baseline, other, f -> {
            Phase p = phase(scenario, f, broadcasts);
            afterPhase.accept(p);
            print(p);
            return p;
        }, phases);
    }

    /** Measures one phase of a fleet. */
    interface PhaseOf<P> {
        P measure(Fleet fleet) throws Exception;
    }

    /**
     * {@code rounds} pairs of phases, A B B A: the baseline then the other, then the other then the baseline,
     * and so on; each pair is added to {@code phases} baseline first.
     */
    static <P> void interleaved(int rounds, Fleet baseline, Fleet other, PhaseOf<P> phase, List<P> phases)
            throws Exception {
        for (int round = 0; round < rounds; round++) {
            List<Fleet> order = Report.inTurn(round, baseline, other);
            P first = phase.measure(order.get(0));
            P second = phase.measure(order.get(1));
            phases.add(order.get(0) == baseline ? first : second);
            phases.add(order.get(0) == baseline ? second : first);
        }
    }

    /** {@code broadcasts} bursts of {@link #messages} to one fleet. */
    Phase phase(String scenario, Fleet f, int broadcasts) throws Exception {
        int m = messages;
        long from = f.nextSeq;
        f.nextSeq += (long) broadcasts * m;
        int capacity = broadcasts * m;
        for (Receiver r : f.receivers) {
            r.expect(from, capacity);
        }
        f.delivered.set(0);
        double cpu0 = serverCpuSeconds.getAsDouble();
        double client0 = Report.processCpuSeconds();
        long busy = 0;
        for (int b = 0; b < broadcasts; b++) {
            long target = (long) (b + 1) * m * f.receivers.size();
            long start = System.nanoTime();
            expectOk(f.trigger.send(from + (long) b * m, m));
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
        double cpu = serverCpuSeconds.getAsDouble() - cpu0;
        double client = Report.processCpuSeconds() - client0;
        long expected = (long) capacity * f.receivers.size();
        long inOrder = 0, disorder = 0;
        for (Receiver r : f.receivers) {
            inOrder += r.inOrder;
            disorder += r.disorder;
        }
        String open = scenario.equals("warm-up") ? "" : openSockets();
        return new Phase(scenario, f.side, expected, inOrder, expected - inOrder, disorder, busy / 1e9,
                latencies(f.receivers), cpu, client, open);
    }

    /** What one phase of the inbound benchmark measured: messages the clients sent and the server counted. */
    record InboundPhase(String side, long sent, long received, boolean sumMatches, double seconds,
                        double serverCpuSeconds, double clientCpuSeconds) {
        double perSecond() {
            return received / seconds;
        }

        /** Server CPU per message, microseconds. */
        double serverCpuMicros() {
            return serverCpuSeconds / received * 1e6;
        }

        /** The driver's (the clients') CPU per message, microseconds. */
        double clientCpuMicros() {
            return clientCpuSeconds / received * 1e6;
        }

        /** Messages that did not arrive as sent: missing, or any at all when the sum of sequence numbers is off. */
        long lost() {
            return sumMatches ? sent - received : Math.max(1, sent - received);
        }

        static InboundPhase merge(List<InboundPhase> list) {
            long sent = 0, received = 0;
            boolean sums = true;
            double seconds = 0, server = 0, client = 0;
            for (InboundPhase p : list) {
                sent += p.sent;
                received += p.received;
                sums &= p.sumMatches;
                seconds += p.seconds;
                server += p.serverCpuSeconds;
                client += p.clientCpuSeconds;
            }
            return new InboundPhase(list.get(0).side, sent, received, sums, seconds, server, client);
        }
    }

    /**
     * Every client of a fleet sends {@code perSocket} messages, each as soon as its previous one is written (a JDK
     * WebSocket takes one send at a time), all clients at once; the phase lasts until the server has counted them
     * all (the channels-app's {@code GET api/plain/received}, whose {@code side}th triple it reads) or nothing more
     * arrived for {@link #STALL_NANOS}. Its time runs from the first send to the server's receipt of the last.
     */
    InboundPhase inbound(Fleet f, String base, int side, int perSocket) throws Exception {
        long[] before = received(base, side);
        long from = f.nextSeq;
        long count = (long) perSocket * f.receivers.size();
        f.nextSeq += count;
        long expectedSum = 0;
        for (long seq = from; seq < from + count; seq++) {
            expectedSum += seq;
        }
        double cpu0 = serverCpuSeconds.getAsDouble();
        double client0 = Report.processCpuSeconds();
        long start = System.nanoTime();
        List<CompletableFuture<WebSocket>> sending = new ArrayList<>();
        long seq = from;
        for (Receiver r : f.receivers) {
            CompletableFuture<WebSocket> chain = CompletableFuture.completedFuture(r.socket);
            for (int i = 0; i < perSocket; i++) {
                String text = inboundMessage(f.mizan, seq++);
                chain = chain.thenCompose(ws -> ws.sendText(text, true));
            }
            sending.add(chain);
        }
        CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        long[] now = received(base, side);
        long progressAt = System.nanoTime();
        while (now[0] - before[0] < count) {
            Thread.sleep(20);
            long[] next = received(base, side);
            if (next[0] != now[0]) {
                progressAt = System.nanoTime();
            } else if (System.nanoTime() - progressAt > STALL_NANOS) {
                notes.add(String.format(Locale.ROOT, "inbound, %s: a phase ended with %d of %d messages (nothing"
                        + " arrived for 10 s)", f.side, next[0] - before[0], count));
                break;
            }
            now = next;
        }
        double cpu = serverCpuSeconds.getAsDouble() - cpu0;
        double client = Report.processCpuSeconds() - client0;
        long got = now[0] - before[0];
        return new InboundPhase(f.side, count, got, now[1] - before[1] == expectedSum, (now[2] - start) / 1e9, cpu,
                client);
    }

    /** A message of the inbound benchmark: a {@code Tick} as JSON, inside a send frame of the join "r" for Mizan. */
    static String inboundMessage(boolean mizan, long seq) {
        String tick = "{\"seq\":" + seq + ",\"sent\":" + System.nanoTime() + ",\"pad\":\"\"}";
        return mizan ? "{\"op\":\"send\",\"ref\":\"r\",\"data\":" + tick + "}" : tick;
    }

    /** One side's count, sum of sequence numbers and time of the last receipt, from {@code GET api/plain/received}. */
    long[] received(String base, int side) throws Exception {
        HttpResponse<String> r = get(base + "api/plain/received");
        expectOk(r);
        String[] all = r.body().trim().split(" ");
        long[] triple = new long[3];
        for (int i = 0; i < 3; i++) {
            triple[i] = Long.parseLong(all[side * 3 + i]);
        }
        return triple;
    }

    /** The {@code p}th percentile of sorted latencies, in milliseconds. */
    static double percentileMillis(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    /** The latencies of the last phase of these clients, sorted. */
    static long[] latencies(List<Receiver> receivers) {
        int n = 0;
        for (Receiver r : receivers) {
            n += r.count;
        }
        long[] all = new long[n];
        int at = 0;
        for (Receiver r : receivers) {
            System.arraycopy(r.latencies, 0, all, at, r.count);
            at += r.count;
        }
        Arrays.sort(all);
        return all;
    }

    /** Opens {@code count} sockets of a fleet to {@code uri} in batches of 100 and, for Mizan, joins each to {@code room}. */
    void connect(Fleet f, String uri, int count, String room) throws Exception {
        long t0 = System.nanoTime();
        int batch = 100;
        for (int i = 0; i < count; i += batch) {
            List<Receiver> opening = new ArrayList<>();
            List<CompletableFuture<WebSocket>> futures = new ArrayList<>();
            for (int j = i; j < Math.min(count, i + batch); j++) {
                Receiver r = new Receiver(f.mizan, f.delivered);
                opening.add(r);
                futures.add(http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20))
                        .buildAsync(URI.create(uri), r));
            }
            for (int j = 0; j < opening.size(); j++) {
                Receiver r = opening.get(j);
                r.socket = futures.get(j).get(30, TimeUnit.SECONDS);
                if (f.mizan) {
                    r.socket.sendText(join("r", room), true).get(10, TimeUnit.SECONDS);
                }
            }
            if (f.mizan) {
                for (Receiver r : opening) {
                    r.joined.get(30, TimeUnit.SECONDS);
                }
            }
            f.receivers.addAll(opening);
        }
        f.connectSeconds += (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d sockets connected%s to %s in %.1f s%n", f.side, count,
                f.mizan ? " and joined" : "", uri, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Checks that the server's System.nanoTime() is this JVM's (Linux: CLOCK_MONOTONIC, machine-wide), with the
     * channels-app's {@code GET api/plain/clock} under {@code base}.
     */
    String checkClock(String base) throws Exception {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long a = System.nanoTime();
            HttpResponse<String> r = get(base + "api/plain/clock");
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

    /** The channels-app's count of open sockets under {@code base}: plain sessions and Mizan's, "plain/Mizan". */
    String stats(String base) throws Exception {
        HttpResponse<String> r = get(base + "api/plain/stats");
        expectOk(r);
        return r.body().trim().replace(' ', '/');
    }

    /** Each server's {@link #stats}, separated by spaces. */
    String openSockets() throws Exception {
        List<String> all = new ArrayList<>();
        for (String base : bases) {
            all.add(stats(base));
        }
        return String.join(" ", all);
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs JSON, or nothing when {@code json} is null. */
    HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120));
        if (json == null) {
            b.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void expectOk(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    static String join(String ref, String room) {
        return "{\"op\":\"join\",\"ref\":\"" + ref + "\",\"channel\":\"room\",\"params\":{\"room\":\"" + room + "\"}}";
    }

    /** The heading of the phase table, {@code open} naming its last column. */
    static String heading(String open) {
        return String.format(Locale.ROOT, "%-19s %-10s %10s %12s %7s %7s %8s %6s %6s %10s %10s %20s%n", "scenario",
                "side", "delivered", "deliveries/s", "p50 ms", "p99 ms", "max ms", "lost", "disord", "srv ms/1k",
                "cli ms/1k", open);
    }

    static String row(Phase p) {
        return String.format(Locale.ROOT, "%-19s %-10s %10d %12.0f %7.1f %7.1f %8.1f %6d %6d %10.1f %10.1f %20s%n",
                p.scenario(), p.side(), p.received(), p.perSecond(), p.percentileMillis(50), p.percentileMillis(99),
                p.maxMillis(), p.lost(), p.disorder(), p.serverCpuPerThousand(), p.clientCpuPerThousand(),
                p.sockets());
    }

    static void print(Phase p) {
        System.out.printf(Locale.ROOT, "%tT %s", new java.util.Date(), row(p));
    }
}
