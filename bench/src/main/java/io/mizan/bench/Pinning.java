package io.mizan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Pins a process, every one of its threads, to one CPU with {@code taskset}, and reads back where its threads may run. */
final class Pinning {

    private Pinning() {
    }

    /** Fails unless {@code taskset} is on the path and the machine has at least 2 CPUs. */
    static void check() {
        String where = Report.run("sh", "-c", "command -v taskset").strip();
        if (where.isEmpty() || where.equals("unknown")) {
            throw new IllegalStateException("taskset is missing (package util-linux); install it, or run with"
                    + " -Dbench.pin=false");
        }
        if (Runtime.getRuntime().availableProcessors() < 2) {
            throw new IllegalStateException("pinning needs 2 CPUs, this JVM sees "
                    + Runtime.getRuntime().availableProcessors() + "; run with -Dbench.pin=false");
        }
    }

    /** {@code taskset -a -c -p cpu pid}; returns where the process's threads may run afterwards. */
    static String pin(long pid, int cpu) {
        String out = Report.run("taskset", "-a", "-c", "-p", String.valueOf(cpu), String.valueOf(pid));
        String after = affinity(pid);
        if (!after.equals(allOn(cpu, after))) {
            throw new IllegalStateException("pinning pid " + pid + " to CPU " + cpu + " did not hold: " + after
                    + "; taskset said: " + out.strip());
        }
        return after;
    }

    /** Lets every thread of a process run on every CPU again; the processes it starts after inherit that. */
    static void unpin(long pid) {
        // not availableProcessors(): in a pinned JVM it counts the CPUs the JVM is pinned to
        String all;
        try {
            all = Files.readString(Path.of("/sys/devices/system/cpu/online")).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the CPUs online are unknown", e);
        }
        String out = Report.run("taskset", "-a", "-c", "-p", all, String.valueOf(pid));
        String after = affinity(pid);
        if (!after.startsWith("all ") || !after.endsWith(" threads on CPU " + all)) {
            throw new IllegalStateException("unpinning pid " + pid + " did not hold: " + after + "; taskset said: "
                    + out.strip());
        }
    }

    /** The CPUs the threads of a process may run on, e.g. "all 212 threads on CPU 0". */
    static String affinity(long pid) {
        Map<String, Integer> lists = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("Cpus_allowed_list:")) {
                            lists.merge(line.substring(line.indexOf(':') + 1).trim(), 1, Integer::sum);
                        }
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return "unknown (" + e + ")";
        }
        if (lists.size() == 1) {
            Map.Entry<String, Integer> only = lists.entrySet().iterator().next();
            return "all " + only.getValue() + " threads on CPU " + only.getKey();
        }
        StringBuilder s = new StringBuilder();
        lists.forEach((cpus, n) -> s.append(s.length() == 0 ? "" : ", ").append(n).append(" threads on CPU ").append(cpus));
        return s.toString();
    }

    private static String allOn(int cpu, String affinity) {
        return affinity.startsWith("all ") && affinity.endsWith(" threads on CPU " + cpu) ? affinity : "";
    }
}
