package io.mizan.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Payara Micro process a benchmark deploys its WAR to: started on a free port of 127.0.0.1's machine, always stopped. */
final class PayaraMicro {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    final Path bench;
    final List<String> command = new ArrayList<>();
    final Path log;
    final Path war;
    final Map<String, String> environment;
    int port;
    private volatile Process process;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile String failure;

    /** A benchmark's arguments: the bench folder, the Payara Micro jar and the WAR to deploy. */
    record Inputs(Path bench, Path payara, Path war) {

        /** Reads {@code <bench dir> <payara-micro.jar> <war>}; exits with a message when one is missing. */
        static Inputs of(String[] args, String usage, String documentedCommand) {
            if (args.length < 3) {
                System.err.println("usage: " + usage);
                System.exit(2);
            }
            Inputs in = new Inputs(Path.of(args[0]).toAbsolutePath().normalize(), Path.of(args[1]).toAbsolutePath(),
                    Path.of(args[2]).toAbsolutePath());
            for (Path p : List.of(in.payara(), in.war())) {
                if (!Files.isRegularFile(p)) {
                    System.err.println(p + " is missing. Build it first: " + documentedCommand);
                    System.exit(2);
                }
            }
            return in;
        }
    }

    PayaraMicro(Path bench, Path payara, Path war, String heap, String jvmArgs) throws IOException {
        this(bench, payara, war, heap, jvmArgs, "payara", Map.of(), List.of());
    }

    /**
     * A server whose root folder is {@code target/<name>-root} and whose log is {@code target/<name>.log}, with
     * these environment variables and these more options of Payara Micro (so that two can run side by side).
     */
    PayaraMicro(Path bench, Path payara, Path war, String heap, String jvmArgs, String name,
                Map<String, String> environment, List<String> options) throws IOException {
        this.bench = bench;
        this.war = war;
        this.environment = environment;
        this.port = freePort();
        Path root = bench.resolve("target/" + name + "-root");
        CodegenBench.deleteTree(root);
        this.log = bench.resolve("target/" + name + ".log");
        // Hazelcast's usage report would try to reach the internet; nothing here leaves the machine
        command.addAll(List.of(Report.javaExecutable(), "-Xms" + heap, "-Xmx" + heap,
                "-Dhazelcast.phone.home.enabled=false"));
        if (!jvmArgs.isEmpty()) {
            command.addAll(List.of(jvmArgs.split("\\s+")));
        }
        command.addAll(List.of("-jar", payara.toString(),
                "--nocluster", "--disablephonehome", "--port", String.valueOf(port), "--contextroot", "/", "--rootdir", root.toString(),
                "--deploy", war.toString()));
        command.addAll(options);
    }

    /** Starts the server and waits for "ready"; returns the milliseconds it took. */
    long start() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.println(line);
                    out.flush();
                    if (line.contains("Deployment failed") || line.contains("Exception while loading the app")) {
                        failure = line;
                        ready.countDown();
                    }
                    if (line.contains(" ready in ")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                failure = e.toString();
            } finally {
                ready.countDown();
            }
        }, "payara-log");
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(180, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Payara Micro was not ready within 180 s; see " + log);
        }
        if (failure != null || !process.isAlive()) {
            throw new IllegalStateException("Payara Micro failed to start or deploy ("
                    + (failure != null ? failure : "it exited") + "); see " + log);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Waits until the server has used less than 50 ms of CPU in a second (its JIT is done), at most
     * {@code maxSeconds}; returns the seconds waited.
     */
    double awaitIdle(int maxSeconds) throws InterruptedException {
        long t0 = System.nanoTime();
        for (int i = 0; i < maxSeconds; i++) {
            double before = cpuSeconds();
            Thread.sleep(1000);
            if (cpuSeconds() - before < 0.05) {
                break;
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** CPU seconds the server process has used so far. */
    double cpuSeconds() {
        return Report.cpuSeconds(process);
    }

    /**
     * The server's used heap after two full GCs, read with jcmd; "n/a" when jcmd cannot tell. The second
     * GC frees what the first could only queue for finalization or cleaning.
     */
    String heapAfterGc() {
        jcmd("GC.run");
        jcmd("GC.run");
        Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return m.find() ? String.format(Locale.ROOT, "%.1f MB", Long.parseLong(m.group(1)) / 1024.0) : "n/a";
    }

    /** What {@code jcmd <server pid> <command>} printed, with this JVM's jcmd. */
    private String jcmd(String command) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        return Report.run(jcmd, String.valueOf(process.pid()), command);
    }

    /** One line of a class histogram: {@code 1:  123  4567  [B (java.base@17)}. */
    private static final Pattern HISTOGRAM_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    /**
     * The live objects of the server by class (a forced full GC first, {@code jcmd GC.class_histogram}):
     * class name to {instances, bytes}.
     */
    Map<String, long[]> classHistogram() {
        Map<String, long[]> classes = new java.util.HashMap<>();
        for (String line : jcmd("GC.class_histogram").split("\n")) {
            Matcher m = HISTOGRAM_LINE.matcher(line);
            if (m.find()) {
                classes.merge(m.group(3), new long[]{Long.parseLong(m.group(1)), Long.parseLong(m.group(2))},
                        (a, b) -> new long[]{a[0] + b[0], a[1] + b[1]});
            }
        }
        return classes;
    }

    /**
     * The {@code n} classes whose live bytes grew most from {@code before} to {@code after}, as
     * {@code "[B +812.0 KB (+1,234)"}, separated by commas ("none" when nothing grew), then what the
     * classes of {@code io.mizan} gained or lost together.
     */
    static String grownMost(Map<String, long[]> before, Map<String, long[]> after, int n) {
        // each class's change, over the classes of either histogram: {instances, bytes}
        Map<String, long[]> change = new java.util.HashMap<>();
        java.util.Set<String> names = new java.util.HashSet<>(before.keySet());
        names.addAll(after.keySet());
        long[] none = new long[2];
        for (String name : names) {
            long[] a = after.getOrDefault(name, none);
            long[] b = before.getOrDefault(name, none);
            change.put(name, new long[]{a[0] - b[0], a[1] - b[1]});
        }
        List<String> lines = change.entrySet().stream()
                .filter(e -> e.getValue()[1] > 0)
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(n)
                .map(e -> String.format(Locale.ROOT, "%s +%.1f KB (%+,d)", e.getKey(), e.getValue()[1] / 1024.0,
                        e.getValue()[0]))
                .toList();
        long mizan = change.entrySet().stream()
                .filter(e -> e.getKey().startsWith("io.mizan."))
                .mapToLong(e -> e.getValue()[1])
                .sum();
        return (lines.isEmpty() ? "none" : String.join(", ", lines))
                + String.format(Locale.ROOT, "; Mizan's own classes (io.mizan.*) together %+.1f KB", mizan / 1024.0);
    }

    /** Stops the server (SIGTERM, then a kill after 30 s). Safe to call more than once. */
    synchronized void stop() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        Report.terminate(p, 30);
        System.out.println("Payara Micro stopped (exit " + (p.isAlive() ? "?" : String.valueOf(p.exitValue())) + ")");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
