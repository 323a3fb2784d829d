package io.mizan.auth;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts failed sign-ins per user name and per client address over a window. Past half of the
 * allowed failures each attempt is answered more slowly; at the limit, attempts are refused until
 * the oldest failure leaves the window. Counting both keys stops one client guessing many users'
 * passwords and many clients guessing one user's.
 *
 * <pre>{@code
 * Duration wait = throttle.refusal("ann", "10.0.0.7");   // Duration.ZERO: go ahead
 * ...
 * throttle.failed("ann", "10.0.0.7");                     // or succeeded("ann")
 * }</pre>
 */
final class SignInThrottle {

    /** Keys kept at most; past it the ones whose failures all left the window are dropped first. */
    static final int MAX_KEYS = 10_000;

    private final int maxFailures;
    private final long windowMillis;
    private final LongSupplier clock;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    SignInThrottle(int maxFailures, Duration window, LongSupplier clock) {
        this.maxFailures = maxFailures;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** How long this attempt must wait to be allowed; zero when it may go ahead. */
    Duration refusal(String user, String client) {
        long now = clock.getAsLong();
        long wait = Math.max(waitFor(key("user", user), now), waitFor(key("client", client), now));
        return Duration.ofMillis(wait);
    }

    /** How long to hold this attempt's answer: nothing at first, then longer with each failure. */
    Duration delay(String user, String client) {
        long now = clock.getAsLong();
        int count = Math.max(count(key("user", user), now), count(key("client", client), now));
        int free = maxFailures / 2;
        return count <= free ? Duration.ZERO : Duration.ofMillis(Math.min(2000, 250L << Math.min(3, count - free - 1)));
    }

    void failed(String user, String client) {
        long now = clock.getAsLong();
        if (failures.size() >= MAX_KEYS) {
            prune(now);
        }
        for (String key : new String[] {key("user", user), key("client", client)}) {
            if (failures.size() < MAX_KEYS || failures.containsKey(key)) {
                Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
                synchronized (times) {
                    times.addLast(now);
                    while (times.size() > maxFailures) {
                        times.removeFirst();
                    }
                }
            }
        }
    }

    /** A user signed in: its own failures are forgotten (its client's are not). */
    void succeeded(String user) {
        failures.remove(key("user", user));
    }

    private long waitFor(String key, long now) {
        long[] window = window(key, now);
        return window[0] < maxFailures ? 0 : window[1] + windowMillis - now;
    }

    private int count(String key, long now) {
        return (int) window(key, now)[0];
    }

    /** The failures of a key still in the window: how many, and when the oldest was. */
    private long[] window(String key, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return new long[] {0, now};
        }
        synchronized (times) {
            expire(times, now);
            return new long[] {times.size(), times.isEmpty() ? now : times.peekFirst()};
        }
    }

    private void expire(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() + windowMillis <= now) {
            times.removeFirst();
        }
    }

    private void prune(long now) {
        for (Iterator<Map.Entry<String, Deque<Long>>> it = failures.entrySet().iterator(); it.hasNext(); ) {
            Deque<Long> times = it.next().getValue();
            synchronized (times) {
                expire(times, now);
                if (times.isEmpty()) {
                    it.remove();
                }
            }
        }
    }

    private static String key(String kind, String value) {
        return kind + ':' + (value == null ? "" : value.toLowerCase(java.util.Locale.ROOT));
    }
}
