package io.mizan.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the results files of one run of every benchmark and writes {@code summary.md} next to them: a table of
 * each headline figure against its baseline and the target, the machine, the commit and the command.
 *
 * <p>It reads only the {@code figure: name=value} lines the benchmarks write at the end of their files (see
 * {@link Report#figure}); a file without them (written before they existed) or a missing file shows as "not
 * run". Arguments: the bench folder; system properties {@code bench.results} (the folder to read and write,
 * default {@code <bench>/results}), {@code bench.command} (the command that ran everything, for the record)
 * and {@code bench.smoke}.
 */
public final class Summary {

    private static final Pattern FIGURE = Pattern.compile("^figure: ([A-Za-z0-9_.]+)=(\\S+)$", Pattern.MULTILINE);
    private static final Pattern DATE = Pattern.compile("^date:\\s+(\\S+)", Pattern.MULTILINE);
    private static final Pattern MIZAN = Pattern.compile("^mizan:\\s+(.+)$", Pattern.MULTILINE);

    /** The results files, in the order of the table. */
    private static final List<String> FILES = List.of("codegen.txt", "calls.txt", "deploy.txt", "channels.txt", "nodes.txt",
            "client-size.txt");

    /** Client bundle target: 6 kB minified and gzipped, 1 kB = 1,000 bytes. */
    private static final double CLIENT_TARGET_BYTES = 6000;

    private final Map<String, Double> figures = new LinkedHashMap<>();
    /** Results files that exist but have no figure: lines (written before the benchmarks wrote them). */
    private final java.util.Set<String> withoutFigures = new java.util.HashSet<>();
    private final StringBuilder rows = new StringBuilder();

    public static void main(String[] args) throws IOException {
        Path bench = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path results = Report.resultsDir(bench);
        String command = System.getProperty("bench.command", "").trim();
        if (command.isEmpty()) {
            command = Report.command("mvn -B -q -f bench/pom.xml exec:exec@summary");
        }
        String text = new Summary().write(bench, results, command);
        Path file = results.resolve("summary.md");
        Report.write(file, text);
        System.out.print(text);
        System.out.println("written to " + file);
    }

    private String write(Path bench, Path results, String command) throws IOException {
        StringBuilder sources = new StringBuilder();
        for (String name : FILES) {
            Path f = results.resolve(name);
            if (!Files.isRegularFile(f)) {
                sources.append("| ").append(name).append(" | missing | | |\n");
                continue;
            }
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Matcher m = FIGURE.matcher(text);
            int n = 0;
            while (m.find()) {
                try {
                    figures.put(m.group(1), Double.parseDouble(m.group(2)));
                    n++;
                } catch (NumberFormatException e) {
                    // a value that is not a number is left out, and shows as missing
                }
            }
            if (n == 0) {
                withoutFigures.add(name);
            }
            sources.append("| ").append(name).append(" | ").append(first(DATE, text)).append(" | ")
                    .append(first(MIZAN, text).replace("|", "\\|")).append(" | ").append(n).append(" |\n");
        }

        codegen();
        calls("greet");
        calls("increment");
        calls("order");
        calls("role");
        contextRead();
        heapAfterCalls();
        batching();
        deployment();
        channels("clean", "no stalled socket");
        channels("stalled", "one stalled socket");
        inbound();
        nodes();
        client();

        StringBuilder s = new StringBuilder();
        s.append("# Benchmarks: summary\n\n");
        if (Report.smoke()) {
            s.append("**SMOKE PASS**: tiny settings that check the benchmarks still run. The numbers below mean"
                    + " nothing.\n\n");
        }
        s.append("Written by `Summary` from the `figure:` lines of the results files in `")
                .append(display(bench, results)).append("`, ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(".\n\n");
        s.append("| benchmark | figure | Mizan | baseline | ratio | target | met? |\n");
        s.append("|---|---|---|---|---|---|---|\n");
        s.append(rows);
        s.append('\n');
        s.append("Ratio: Mizan ÷ baseline (across nodes: two nodes ÷ one node). Where a benchmark measures in pairs of"
                + " phases (A B B A ...), the ratio is the median of the pairs' ratios, with their spread [min–max],"
                + " and the verdict goes by that median; the Mizan and baseline columns are all measured phases of a"
                + " side together. Otherwise (the 304 against its own 200, code generation) it is the quotient of those"
                + " columns. \"—\": no target.\n\n");
        s.append("## Run\n\n");
        s.append("- command: `").append(command).append("`\n");
        s.append("- commit: ").append(commit(bench.getParent())).append('\n');
        s.append("- nproc: ").append(Report.firstLine(Report.run("nproc"))).append('\n');
        s.append("- CPU: ").append(Report.cpuModel()).append('\n');
        s.append("- memory: ")
                .append(Report.firstLine(Report.run("sh", "-c", "free -m | awk '/Mem:/ {print $2 \" MB\"}'")))
                .append('\n');
        s.append("- load average (1, 5, 15 min) now: ").append(Report.loadAverage()).append('\n');
        s.append("- java -version:\n\n```\n").append(Report.run(Report.javaExecutable(), "-version").strip())
                .append("\n```\n\n");
        s.append("## Sources\n\n");
        s.append("| file | date | Mizan jar | figures |\n|---|---|---|---|\n");
        s.append(sources);
        return s.toString();
    }

    private void codegen() {
        boolean fresh = figures.containsKey("codegen.fresh.mizan.ms");
        String k = fresh ? "codegen.fresh" : "codegen.inProcess";
        ratioRow("code generation", fresh ? "`generate` in a fresh JVM, ms (baseline: `javac`)"
                : "`generate` in process, ms (baseline: `javac`)", k + ".mizan.ms", k + ".javac.ms", "%.0f", "—", null);
    }

    private void calls(String work) {
        String k = "calls." + work;
        ratioRow("calls: " + work, "throughput, requests/s", k + ".mizan.perSecond", k + ".baseline.perSecond",
                k + ".rounds.perSecond", "%.0f", "≥ 0.95×", r -> r >= 0.95);
        ratioRow("calls: " + work, "p99 latency, ms", k + ".mizan.p99.ms", k + ".baseline.p99.ms", k + ".rounds.p99",
                "%.2f", "≤ 1.10×", r -> r <= 1.10);
        Double m = figures.get(k + ".mizan.allocatedBytes");
        Double b = figures.get(k + ".baseline.allocatedBytes");
        if (m == null || b == null) {
            row("calls: " + work, "heap allocated per call, bytes", missing(k + ".mizan.allocatedBytes"), "", "",
                    "≤ +1,024 B", missingShort(k + ".mizan.allocatedBytes"));
        } else {
            row("calls: " + work, "heap allocated per call, bytes", String.format(Locale.ROOT, "%.0f", m),
                    String.format(Locale.ROOT, "%.0f", b), String.format(Locale.ROOT, "%+.0f B", m - b), "≤ +1,024 B",
                    m - b <= 1024 ? "yes" : "no");
        }
    }

    /**
     * A context read against a plain {@code @GET} with the same body and ETag, and its 304 against its 200;
     * the same for a 10 KB context, where a 304 saves the body.
     */
    private void contextRead() {
        ratioRow("context read", "server CPU per read, µs (baseline: plain `@GET`)", "calls.read.mizan.serverCpu.us",
                "calls.read.baseline.serverCpu.us", "calls.read.rounds.serverCpu", "%.1f", "≤ 1.05×", r -> r <= 1.05);
        ratioRow("context read", "throughput, requests/s", "calls.read.mizan.perSecond", "calls.read.baseline.perSecond",
                "calls.read.rounds.perSecond", "%.0f", "—", null);
        ratioRow("context read, 304", "server CPU per read, µs (baseline: plain `@GET`'s 304)",
                "calls.read304.mizan.serverCpu.us", "calls.read304.baseline.serverCpu.us", "calls.read304.rounds.serverCpu",
                "%.1f", "≤ 1.05×", r -> r <= 1.05);
        ratioRow("context read, 304", "server CPU per read, µs (baseline: the same read answered 200)",
                "calls.read304.mizan.serverCpu.us", "calls.read.mizan.serverCpu.us", "%.1f", "< 1.0×", r -> r < 1.0);
        ratioRow("context read, 10 KB", "server CPU per read, µs (baseline: plain `@GET`)",
                "calls.basket.mizan.serverCpu.us", "calls.basket.baseline.serverCpu.us", "calls.basket.rounds.serverCpu",
                "%.1f", "≤ 1.05×", r -> r <= 1.05);
        ratioRow("context read, 10 KB, 304", "server CPU per read, µs (baseline: plain `@GET`'s 304)",
                "calls.basket304.mizan.serverCpu.us", "calls.basket304.baseline.serverCpu.us",
                "calls.basket304.rounds.serverCpu", "%.1f", "≤ 1.05×", r -> r <= 1.05);
        ratioRow("context read, 10 KB, 304", "server CPU per read, µs (baseline: the same read answered 200)",
                "calls.basket304.mizan.serverCpu.us", "calls.basket.mizan.serverCpu.us", "%.1f", "< 1.0×",
                r -> r < 1.0);
    }

    /**
     * What a side's calls keep: the heap after a forced GC once {@code calls.kept.calls} calls of one side
     * were answered, less the same before them, Mizan's median against the plain endpoints' (the target:
     * within 1 MB, 10 bytes a call). Then, as information, the whole server's heap at the end of the call
     * benchmark against after its warm-up, both sides' calls together.
     */
    private void heapAfterCalls() {
        Double calls = figures.get("calls.kept.calls");
        Double mizan = figures.get("calls.kept.mizan.MB");
        Double baseline = figures.get("calls.kept.baseline.MB");
        String kept = "heap kept by " + (calls == null ? "a side's calls"
                : String.format(Locale.ROOT, "%,.0f calls", calls)) + " after a forced GC, MB (baseline: plain JAX-RS's)";
        if (mizan == null || baseline == null || mizan.isNaN() || baseline.isNaN()) {
            row("calls: memory kept", kept, missing("calls.kept.mizan.MB"), "", "", "≤ +1 MB",
                    missingShort("calls.kept.mizan.MB"));
        } else {
            row("calls: memory kept", kept, spread("calls.kept.mizan.MB"), spread("calls.kept.baseline.MB"),
                    String.format(Locale.ROOT, "%+.1f MB", mizan - baseline),
                    "≤ +1 MB", mizan - baseline <= 1.0 ? "yes" : "no");
        }
        Double end = figures.get("calls.heap.end.MB");
        Double warm = figures.get("calls.heap.afterWarmup.MB");
        Double count = figures.get("calls.measured.count");
        String what = "whole heap after a forced GC, MB, after " + (count == null ? "the measured calls"
                : String.format(Locale.ROOT, "%,.0f measured calls", count)) + " of both sides (baseline: after the"
                + " warm-up)";
        if (end == null || warm == null || end.isNaN() || warm.isNaN()) {
            row("calls: memory kept", what, missing("calls.heap.end.MB"), "", "", "—", "—");
            return;
        }
        row("calls: memory kept", what, String.format(Locale.ROOT, "%.1f", end), String.format(Locale.ROOT, "%.1f", warm),
                String.format(Locale.ROOT, "%+.1f MB", end - warm), "—", "—");
    }

    /** A figure in MB with its spread: {@code +0.1 [-0.2 to +0.3]}. */
    private String spread(String key) {
        return String.format(Locale.ROOT, "%+.1f [%+.1f to %+.1f]", figures.get(key),
                figures.getOrDefault(key + ".min", Double.NaN), figures.getOrDefault(key + ".max", Double.NaN));
    }

    /** A page's ten context reads as one batch, against the same reads sent apart at once. */
    private void batching() {
        ratioRow("page of 10 reads, batched", "pages/s (baseline: the 10 reads apart, in parallel)",
                "calls.page.batched.perSecond", "calls.page.apart.perSecond", "calls.page.rounds.perSecond", "%.0f", "—",
                null);
        ratioRow("page of 10 reads, batched", "p99 latency of a page, ms", "calls.page.batched.p99.ms",
                "calls.page.apart.p99.ms", "calls.page.rounds.p99", "%.2f", "—", null);
        ratioRow("page of 10 reads, batched", "server CPU per page, µs", "calls.page.batched.serverCpu.us",
                "calls.page.apart.serverCpu.us", "calls.page.rounds.serverCpu", "%.1f", "—", null);
    }

    /** Payara's "deployed in" time with 1,000 functions against the same WAR without the annotations. */
    private void deployment() {
        Double annotated = figures.get("deploy.annotated.ms");
        Double plain = figures.get("deploy.plain.ms");
        if (annotated == null || plain == null) {
            row("deployment, 1,000 functions", "deployed in, ms (baseline: no annotations)",
                    missing("deploy.annotated.ms"), "", "", "< +1,000 ms", missingShort("deploy.annotated.ms"));
            return;
        }
        row("deployment, 1,000 functions", "deployed in, ms (baseline: no annotations)",
                String.format(Locale.ROOT, "%.0f", annotated), String.format(Locale.ROOT, "%.0f", plain),
                String.format(Locale.ROOT, "%+.0f ms", annotated - plain), "< +1,000 ms",
                annotated - plain < 1000 ? "yes" : "no");
    }

    private void channels(String key, String scenario) {
        String k = "channels." + key;
        String name = "broadcast, " + scenario;
        ratioRow(name, "deliveries/s", k + ".mizan.perSecond", k + ".baseline.perSecond", k + ".pairRatio.perSecond",
                "%.0f", "≥ 1.0×", r -> r >= 1.0);
        lostRow(name, k + ".mizan.lost.count", k + ".baseline.lost.count");
    }

    /** Messages clients send on a channel, against a plain {@code @OnMessage} reading the same with JSON-B. */
    private void inbound() {
        String k = "channels.inbound";
        String name = "channel messages in";
        ratioRow(name, "server CPU per message, µs (baseline: plain `@OnMessage`)", k + ".mizan.serverCpu.us",
                k + ".baseline.serverCpu.us", k + ".pairRatio.serverCpu", "%.2f", "—", null);
        ratioRow(name, "messages/s", k + ".mizan.perSecond", k + ".baseline.perSecond", k + ".pairRatio.perSecond",
                "%.0f", "—", null);
        lostRow(name, k + ".mizan.lost.count", k + ".baseline.lost.count");
    }

    private void nodes() {
        ratioRow("across nodes", "deliveries/s, two nodes (baseline: one node)", "nodes.two.perSecond",
                "nodes.one.perSecond", "nodes.pairRatio.perSecond", "%.0f", "—", null);
        lostRow("across nodes", "nodes.two.lost.count", "nodes.one.lost.count");
    }

    /**
     * The bundle against the target, and against what the libraries an application would use for the same jobs
     * instead ship, measured the same way (tRPC for calls, batching, a WebSocket and TanStack Query bindings; with
     * react-hook-form and its Zod resolver for forms): the baseline gives the target its scale, it sets none.
     */
    private void client() {
        Double gzip = figures.get("client.gzipBytes");
        Double min = figures.get("client.minBytes");
        if (gzip == null) {
            String m = missing("client.gzipBytes");
            row("client bundle", "runtime, React, channels, forms: min+gzip", m, "", "", "≤ 6.0 kB",
                    missingShort("client.gzipBytes"));
            return;
        }
        String minText = min == null ? "" : String.format(Locale.ROOT, " (%.1f kB minified)", min / 1000);
        clientRow("runtime, React, channels, forms: min+gzip (baseline: tRPC with react-hook-form and its Zod resolver)",
                gzip, minText, figures.get("client.peer.callsForms.gzipBytes"), "≤ 6.0 kB",
                gzip <= CLIENT_TARGET_BYTES ? "yes" : "no");
        Double withChannels = figures.get("client.withChannels.gzipBytes");
        if (withChannels != null) {
            clientRow("runtime, React, channels, no forms: min+gzip (baseline: tRPC's client, batching, WebSocket and "
                    + "TanStack Query bindings)", withChannels, "", figures.get("client.peer.calls.gzipBytes"), "—", "—");
        }
    }

    private void clientRow(String figure, double gzip, String suffix, Double peer, String target, String met) {
        row("client bundle", figure, String.format(Locale.ROOT, "%.1f kB%s", gzip / 1000, suffix),
                peer == null ? "" : String.format(Locale.ROOT, "%.1f kB", peer / 1000),
                peer == null ? "" : String.format(Locale.ROOT, "%.3f", gzip / peer), target, met);
    }

    private void ratioRow(String bench, String figure, String mizanKey, String baselineKey, String format,
                          String target, java.util.function.DoublePredicate met) {
        ratioRow(bench, figure, mizanKey, baselineKey, null, format, target, met);
    }

    /**
     * A row whose ratio is the median of the pairs' ratios ({@code pairsKey}, with {@code .min} and {@code .max}) when
     * the results file gives it, else Mizan ÷ baseline over all phases. A few slow phases (another process on the
     * machine, a late compilation) move the second but hardly the first.
     */
    private void ratioRow(String bench, String figure, String mizanKey, String baselineKey, String pairsKey,
                          String format, String target, java.util.function.DoublePredicate met) {
        Double m = figures.get(mizanKey);
        Double b = figures.get(baselineKey);
        if (m == null || b == null) {
            row(bench, figure, missing(mizanKey), "", "", target, met == null ? "—" : missingShort(mizanKey));
            return;
        }
        Double median = pairsKey == null ? null : figures.get(pairsKey);
        double ratio = median != null ? median : m / b;
        String text = String.format(Locale.ROOT, "%.3f", ratio);
        if (median != null) {
            Double min = figures.get(pairsKey + ".min");
            Double max = figures.get(pairsKey + ".max");
            if (min != null && max != null && !min.equals(max)) {
                text += String.format(Locale.ROOT, " [%.3f–%.3f]", min, max);
            }
        }
        row(bench, figure, String.format(Locale.ROOT, format, m), String.format(Locale.ROOT, format, b), text, target,
                met == null ? "—" : met.test(ratio) ? "yes" : "no");
    }

    private void lostRow(String bench, String mizanKey, String baselineKey) {
        Double m = figures.get(mizanKey);
        Double b = figures.get(baselineKey);
        if (m == null) {
            row(bench, "messages lost or out of order", missing(mizanKey), "", "", "0", missingShort(mizanKey));
            return;
        }
        row(bench, "messages lost or out of order", String.format(Locale.ROOT, "%.0f", m),
                b == null ? "" : String.format(Locale.ROOT, "%.0f", b), "", "0", m == 0 ? "yes" : "no");
    }

    /** Why a figure is missing: its file has no figure: lines, or the benchmark did not run. */
    private String missing(String key) {
        String prefix = key.substring(0, key.indexOf('.'));
        String file = prefix.equals("client") ? "client-size.txt" : prefix + ".txt";
        return withoutFigures.contains(file) ? "no figures in " + file + " (run before they were written)"
                : "not run";
    }

    private String missingShort(String key) {
        return missing(key).startsWith("no figures") ? "no figures" : "not run";
    }

    private void row(String... cells) {
        rows.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1).trim() : "unknown";
    }

    private static String display(Path bench, Path results) {
        Path root = bench.getParent();
        return root != null && results.startsWith(root) ? root.relativize(results).toString() : results.toString();
    }

    /** The short commit and whether the tree differs from it (results files left out: a run writes them). */
    private static String commit(Path root) {
        String head = Report.firstLine(Report.run("git", "-C", root.toString(), "rev-parse", "--short", "HEAD"));
        String status = Report.run("git", "-C", root.toString(), "status", "--porcelain", "--untracked-files=no",
                "--", ".", ":(exclude)bench/results");
        List<String> changed = new ArrayList<>();
        for (String line : status.split("\n")) {
            if (!line.isBlank()) {
                changed.add(line.substring(Math.min(3, line.length())).trim());
            }
        }
        return "`" + head + "`" + (changed.isEmpty() ? ", clean"
                : ", dirty (" + changed.size() + " changed tracked files: " + String.join(", ", changed) + ")");
    }

    private Summary() {
    }
}
