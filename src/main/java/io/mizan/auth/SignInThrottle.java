package io.mizan.auth;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Counts failed sign-ins per user name and per client address over a window. Past half of the
 * allowed failures each attempt is answered more slowly; at the limit, attempts are refused until
 * the oldest failure leaves the window. Counting both keys stops one client guessing many users'
 * passwords and many clients guessing one user's.
 *
 * <p>An attempt is counted as a failure of both keys before its password is checked, in the same
 * step as the check of the limit, and given back once it turns out not to be one. Checking first and
 * counting after the password check would let attempts that arrive together all pass before the
 * first failure is counted; this way no more than the limit are ever checked or failed at once.
 *
 * <pre>{@code
 * try (SignInThrottle.Attempt attempt = throttle.attempt("ann", "10.0.0.7")) {
 *     if (attempt.refused()) ...        // attempt.refusal(): how long to wait
 *     ...
 *     attempt.failed();                 // a wrong password: it stays counted
 *     attempt.succeeded();              // or signed in; closed with neither, it is given back
 * }
 * }</pre>
 */
final class SignInThrottle {

    /** Keys kept at most; past it the ones whose failures all left the window are dropped first. */
    static final int MAX_KEYS = 10_000;

    private final int maxFailures;
    private final long windowMillis;
    private final LongSupplier clock;

    /** Per key, when its failures (and attempts still being checked) began, oldest first. Guarded by this. */
    private final Map<String, Deque<Long>> failures = new HashMap<>();

    SignInThrottle(int maxFailures, Duration window, LongSupplier clock) {
        this.maxFailures = maxFailures;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /**
     * Starts an attempt: refused when the user or the client is at the limit, otherwise counted as a
     * failure of both until it is settled.
     */
    synchronized Attempt attempt(String user, String client) {
        long now = clock.getAsLong();
        if (failures.size() >= MAX_KEYS) {
            prune(now);
        }
        String userKey = key("user", user);
        String clientKey = key("client", client);
        Deque<Long> users = live(userKey, now);
        Deque<Long> clients = live(clientKey, now);
        long wait = Math.max(waitFor(users, now), waitFor(clients, now));
        if (wait > 0) {
            return new Attempt(userKey, clientKey, now, Duration.ofMillis(wait), Duration.ZERO);
        }
        int before = Math.max(users == null ? 0 : users.size(), clients == null ? 0 : clients.size());
        count(userKey, now);
        count(clientKey, now);
        return new Attempt(userKey, clientKey, now, Duration.ZERO, delay(before));
    }

    /** One sign-in attempt: refused, or counted as a failure of its user and client until it is settled. */
    final class Attempt implements AutoCloseable {

        private final String user;
        private final String client;
        private final long at;
        private final Duration refusal;
        private final Duration delay;
        private boolean settled;

        private Attempt(String user, String client, long at, Duration refusal, Duration delay) {
            this.user = user;
            this.client = client;
            this.at = at;
            this.refusal = refusal;
            this.delay = delay;
            this.settled = !refusal.isZero(); // a refused attempt was never counted
        }

        boolean refused() {
            return !refusal.isZero();
        }

        /** How long the caller must wait to be allowed; zero when the attempt may go ahead. */
        Duration refusal() {
            return refusal;
        }

        /**
         * How long to hold a wrong password's answer: nothing at first, then longer with each failure
         * counted before this attempt.
         */
        Duration delay() {
            return delay;
        }

        /** The password was wrong: the attempt stays counted. */
        void failed() {
            settled = true;
        }

        /** Signed in: the user's failures are forgotten; the client's stay, less this attempt. */
        void succeeded() {
            if (!settled) {
                settled = true;
                synchronized (SignInThrottle.this) {
                    failures.remove(user);
                    giveBack(client, at);
                }
            }
        }

        /** Neither failed nor succeeded (the check did not answer): the attempt is given back. */
        @Override
        public void close() {
            if (!settled) {
                settled = true;
                synchronized (SignInThrottle.this) {
                    giveBack(user, at);
                    giveBack(client, at);
                }
            }
        }
    }

    private Duration delay(int failuresBefore) {
        int free = maxFailures / 2;
        return failuresBefore <= free
                ? Duration.ZERO
                : Duration.ofMillis(Math.min(2000, 250L << Math.min(3, failuresBefore - free - 1)));
    }

    /** The key's times with those that left the window dropped, or {@code null} when it has none. */
    private Deque<Long> live(String key, long now) {
        Deque<Long> times = failures.get(key);
        if (times != null) {
            expire(times, now);
        }
        return times;
    }

    private long waitFor(Deque<Long> times, long now) {
        return times == null || times.size() < maxFailures ? 0 : times.peekFirst() + windowMillis - now;
    }

    private void count(String key, long now) {
        if (failures.size() < MAX_KEYS || failures.containsKey(key)) {
            failures.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
        }
    }

    private void giveBack(String key, long at) {
        Deque<Long> times = failures.get(key);
        if (times != null) {
            times.removeLastOccurrence(at);
        }
    }

    private void expire(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() + windowMillis <= now) {
            times.removeFirst();
        }
    }

    private void prune(long now) {
        for (Iterator<Deque<Long>> it = failures.values().iterator(); it.hasNext(); ) {
            Deque<Long> times = it.next();
            expire(times, now);
            if (times.isEmpty()) {
                it.remove();
            }
        }
    }

    private static String key(String kind, String value) {
        return kind + ':' + (value == null ? "" : value.toLowerCase(java.util.Locale.ROOT));
    }
}
