package io.mizan.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** The header every results file starts with: the command, the date and the machine. */
final class Report {

    private Report() {
    }

    /**
     * The Maven command line that started this run, as the {@code mvn} script exports it, or the
     * documented command when the run was started otherwise.
     */
    static String command(String documented) {
        String args = System.getenv("MAVEN_CMD_LINE_ARGS");
        if (args == null || args.isBlank()) {
            return documented + "   (documented command; this run was started without mvn)";
        }
        return "mvn " + args.trim();
    }

    static String header(String title, String command) {
        StringBuilder s = new StringBuilder();
        s.append(title).append('\n');
        s.append("=".repeat(title.length())).append('\n');
        s.append("command:  ").append(command).append('\n');
        String pwd = System.getenv("PWD");
        s.append("run from: ").append(pwd == null ? "unknown" : pwd).append('\n');
        if (smoke()) {
            s.append("SMOKE:    tiny settings (bench.smoke=true): this run checks that the benchmark works; its numbers"
                    + " mean nothing\n");
        }
        s.append("date:     ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n');
        s.append("nproc:    ").append(firstLine(run("nproc"))).append(" (availableProcessors ")
                .append(Runtime.getRuntime().availableProcessors()).append(")\n");
        s.append("cpu:      ").append(cpuModel()).append('\n');
        s.append("memory:   ").append(firstLine(run("sh", "-c", "free -m | awk '/Mem:/ {print $2 \" MB\"}'"))).append('\n');
        s.append("java -version:\n");
        for (String line : run(javaExecutable(), "-version").strip().split("\n")) {
            s.append("  ").append(line).append('\n');
        }
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        s.append("this JVM: ").append(options.isEmpty() ? "(no options)" : String.join(" ", options)).append('\n');
        return s.toString();
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "unknown";
    }

    static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    /** Runs a short command and returns its output (standard error included), or "unknown". */
    static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "unknown";
            }
            return out;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** CPU seconds a process has used so far (NaN when the system cannot tell). */
    static double cpuSeconds(Process p) {
        return p.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** Stops a process: SIGTERM, then a kill after {@code graceSeconds}. */
    static void terminate(Process p, int graceSeconds) {
        if (!p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The median and spread of the ratios {@code other ÷ baseline}, pair by pair, of a value of the phases. */
    static <P> Summary pairRatios(List<P> baseline, List<P> other, java.util.function.ToDoubleFunction<P> value) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(baseline.size(), other.size()); i++) {
            ratios.add(value.applyAsDouble(other.get(i)) / value.applyAsDouble(baseline.get(i)));
        }
        return Summary.of(ratios);
    }

    /**
     * The order of a round of paired phases, A B B A: the baseline first in even rounds, the other first in
     * odd ones, so that neither side always runs in the other's wake.
     */
    static <T> List<T> inTurn(int round, T baseline, T other) {
        return round % 2 == 0 ? List.of(baseline, other) : List.of(other, baseline);
    }

    /** Median, min and max of some samples. */
    record Summary(double median, double min, double max, int n) {
        static Summary of(List<Double> samples) {
            List<Double> sorted = new ArrayList<>(samples);
            sorted.sort(null);
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return new Summary(median, sorted.get(0), sorted.get(n - 1), n);
        }
    }

    /**
     * Which Mizan jar ran: its SHA-256 (first 16 hex digits), size and time, read from a jar on this
     * JVM's class path or from the copy inside a WAR.
     */
    static String mizanJar(Path warOrNull) {
        try {
            if (warOrNull != null) {
                try (java.util.zip.ZipFile war = new java.util.zip.ZipFile(warOrNull.toFile())) {
                    var entry = war.stream().filter(e -> e.getName().startsWith("WEB-INF/lib/mizan-jakarta"))
                            .findFirst().orElse(null);
                    if (entry == null) {
                        return "not in " + warOrNull;
                    }
                    try (InputStream in = war.getInputStream(entry)) {
                        return entry.getName() + " in " + warOrNull.getFileName() + ", sha256 " + sha256(in.readAllBytes())
                                + ", " + entry.getSize() + " bytes, " + entry.getLastModifiedTime();
                    }
                }
            }
            Path jar = Path.of(io.mizan.Client.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar + ", sha256 " + sha256(Files.readAllBytes(jar)) + ", " + Files.size(jar) + " bytes, "
                    + Files.getLastModifiedTime(jar);
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return "unknown (" + e + ")";
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
            return java.util.HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The load average over 1, 5 and 15 minutes, from /proc/loadavg. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** An integer system property within {@code min..max}, or {@code fallback} when it is not set. */
    static int bounded(String property, int fallback, int min, int max) {
        int v = Integer.getInteger(property, fallback);
        if (v < min || v > max) {
            throw new IllegalArgumentException(property + " must be within " + min + ".." + max + ", not " + v);
        }
        return v;
    }

    /** The CPU seconds this JVM has used so far (NaN when the JVM cannot tell). */
    static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** Whether this is the smoke pass ({@code -Dbench.smoke=true}): tiny settings, results in a scratch folder. */
    static boolean smoke() {
        return Boolean.getBoolean("bench.smoke");
    }

    /**
     * The folder the results files go to: {@code bench.results} when set (the smoke pass sets it to
     * {@code target/smoke-results}), else {@code <bench>/results}.
     */
    static Path resultsDir(Path bench) {
        String dir = System.getProperty("bench.results", "").trim();
        return dir.isEmpty() ? bench.resolve("results") : Path.of(dir).toAbsolutePath().normalize();
    }

    /**
     * A headline figure in the stable form {@link Summary} reads, one line: {@code figure: name=value}. The
     * names carry their unit ({@code .ms}, {@code .perSecond}, {@code .count}); the value is a plain number.
     */
    static String figure(String name, double value) {
        return "figure: " + name + "=" + (Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : "NaN")
                + "\n";
    }

    /** The median of a summary as {@code name}, its min and max as {@code name.min} and {@code name.max}. */
    static String figures(String name, Summary summary) {
        return figure(name, summary.median()) + figure(name + ".min", summary.min()) + figure(name + ".max", summary.max());
    }

    static String figure(String name, long value) {
        return "figure: " + name + "=" + value + "\n";
    }

    /** Writes a results file, creating its folder. */
    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
