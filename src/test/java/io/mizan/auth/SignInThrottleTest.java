package io.mizan.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

class SignInThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final SignInThrottle throttle = new SignInThrottle(4, Duration.ofSeconds(60), now::get);

    @Test
    void failuresPastHalfTheLimitAreSlowedAndAtTheLimitRefusedUntilTheOldestLeaves() {
        assertEquals(Duration.ZERO, delay(throttle, "ann", "1.2.3.4"));
        fail(throttle, "ann", "1.2.3.4");
        fail(throttle, "ann", "1.2.3.4");
        assertEquals(Duration.ZERO, delay(throttle, "ann", "1.2.3.4"), "half the limit: not slowed yet");
        fail(throttle, "ann", "1.2.3.4");
        assertEquals(Duration.ofMillis(250), delay(throttle, "ann", "1.2.3.4"));
        assertEquals(Duration.ZERO, refusal(throttle, "ann", "1.2.3.4"));
        now.addAndGet(10_000);
        assertEquals(Duration.ofMillis(250), fail(throttle, "ann", "1.2.3.4").delay(), "three failed before it");
        assertEquals(
                Duration.ofSeconds(50), refusal(throttle, "ann", "1.2.3.4"), "until the first failure is 60 s old");
        assertEquals(Duration.ofSeconds(50), refusal(throttle, "ANN", "9.9.9.9"), "the user, from anywhere, any case");
        assertEquals(Duration.ofSeconds(50), refusal(throttle, "bob", "1.2.3.4"), "the client, for anyone");
        assertEquals(Duration.ZERO, refusal(throttle, "bob", "9.9.9.9"));
        now.addAndGet(50_000);
        assertEquals(Duration.ZERO, refusal(throttle, "ann", "1.2.3.4"), "the oldest failure left the window");
    }

    @Test
    void aSuccessForgetsTheUsersFailuresButNotTheClients() {
        for (int i = 0; i < 3; i++) {
            fail(throttle, "ann", "1.2.3.4");
        }
        try (SignInThrottle.Attempt attempt = throttle.attempt("ann", "1.2.3.4")) {
            attempt.succeeded();
        }
        assertEquals(Duration.ZERO, refusal(throttle, "ann", "5.6.7.8"));
        assertEquals(Duration.ZERO, delay(throttle, "ann", "5.6.7.8"), "none of ann's failures slow her now");
        assertEquals(Duration.ZERO, refusal(throttle, "bob", "1.2.3.4"), "the success itself is no failure");
        fail(throttle, "bob", "1.2.3.4");
        assertTrue(refusal(throttle, "cy", "1.2.3.4").toSeconds() > 0, "the client's three failures stay");
    }

    @Test
    void anAttemptNeitherFailedNorSucceededIsGivenBack() {
        for (int i = 0; i < 3; i++) {
            fail(throttle, "ann", "1.2.3.4");
        }
        try (SignInThrottle.Attempt attempt = throttle.attempt("ann", "1.2.3.4")) {
            assertFalse(attempt.refused());
            assertTrue(refusal(throttle, "ann", "1.2.3.4").toSeconds() > 0, "counted while it is checked");
        }
        assertEquals(Duration.ZERO, refusal(throttle, "ann", "1.2.3.4"));
    }

    @Test
    void aFailureLeavesTheWindowWhenItIsExactlyAsOldAsTheWindow() {
        for (int i = 0; i < 3; i++) {
            fail(throttle, "ann", "1.2.3.4");
        }
        now.addAndGet(1_000);
        fail(throttle, "ann", "1.2.3.4");
        now.addAndGet(58_999);
        assertEquals(Duration.ofMillis(1), refusal(throttle, "ann", "1.2.3.4"));
        now.addAndGet(1);
        assertEquals(Duration.ZERO, refusal(throttle, "ann", "1.2.3.4"));
        assertEquals(Duration.ZERO, delay(throttle, "ann", "1.2.3.4"), "the three first left: one failure counts");
        now.addAndGet(1_000);
        assertEquals(Duration.ZERO, delay(throttle, "ann", "1.2.3.4"));
        fail(throttle, "ann", "1.2.3.4");
        fail(throttle, "ann", "1.2.3.4");
        assertEquals(Duration.ZERO, delay(throttle, "ann", "1.2.3.4"), "two in the window: half the limit");
    }

    @Test
    void theDelayGrowsToTwoSecondsAtMost() {
        SignInThrottle lenient = new SignInThrottle(40, Duration.ofSeconds(60), now::get);
        for (int i = 0; i < 30; i++) {
            fail(lenient, "ann", "1.2.3.4");
        }
        assertEquals(Duration.ofMillis(2000), delay(lenient, "ann", "1.2.3.4"));
        assertEquals(Duration.ZERO, delay(lenient, null, null));
    }

    @Test
    void keysAreBoundedAndExpiredOnesGoFirst() {
        SignInThrottle small = new SignInThrottle(2, Duration.ofSeconds(1), now::get);
        for (int i = 0; i < SignInThrottle.MAX_KEYS / 2; i++) {
            fail(small, "user" + i, "10.0." + i);
        }
        fail(small, "late", "9.9.9.9");
        fail(small, "late", "9.9.9.9");
        assertEquals(Duration.ZERO, refusal(small, "late", "x"), "no room for a new key while all are fresh");
        now.addAndGet(2_000);
        fail(small, "late", "9.9.9.9");
        fail(small, "late", "9.9.9.9");
        assertTrue(refusal(small, "late", "x").toMillis() > 0, "expired keys made room");
    }

    @Test
    void aKeyKeptBeforeThereIsNoRoomLeftGoesOnCounting() {
        SignInThrottle small = new SignInThrottle(2, Duration.ofSeconds(1), now::get);
        fail(small, "ann", "1.2.3.4");
        for (int i = 1; i < SignInThrottle.MAX_KEYS / 2; i++) {
            fail(small, "user" + i, "10.0." + i);
        }
        fail(small, "ann", "1.2.3.4");
        assertEquals(Duration.ofSeconds(1), refusal(small, "ann", "5.6.7.8"), "ann's second failure counted");
        assertEquals(Duration.ofSeconds(1), refusal(small, "bob", "1.2.3.4"));
    }

    @Test
    void concurrentAttemptsForOneUserOrFromOneClientGetNoMoreChecksThanTheLimit() throws Exception {
        SignInThrottle real = new SignInThrottle(5, Duration.ofSeconds(60), System::currentTimeMillis);
        assertEquals(5, checkedOf(real, i -> "ann", i -> "10.0.0." + i), "one user from many clients");
        assertEquals(5, checkedOf(real, i -> "user" + i, i -> "10.0.1.1"), "many users from one client");
    }

    /** 50 wrong passwords at once: how many reached the password check, which takes a while. */
    private static int checkedOf(
            SignInThrottle throttle,
            java.util.function.IntFunction<String> user,
            java.util.function.IntFunction<String> client)
            throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger checked = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String u = user.apply(i);
            String c = client.apply(i);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    try (SignInThrottle.Attempt attempt = throttle.attempt(u, c)) {
                        if (attempt.refused()) {
                            refused.incrementAndGet();
                            return;
                        }
                        checked.incrementAndGet();
                        Thread.sleep(20); // the password check
                        attempt.failed();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(50, checked.get() + refused.get());
        return checked.get();
    }

    /** A wrong password: the attempt, left counted. */
    private static SignInThrottle.Attempt fail(SignInThrottle throttle, String user, String client) {
        try (SignInThrottle.Attempt attempt = throttle.attempt(user, client)) {
            attempt.failed();
            return attempt;
        }
    }

    /** How long an attempt now would be refused; one that goes ahead is given back. */
    private static Duration refusal(SignInThrottle throttle, String user, String client) {
        try (SignInThrottle.Attempt attempt = throttle.attempt(user, client)) {
            return attempt.refusal();
        }
    }

    /** How long a wrong password now would be held; the attempt is given back. */
    private static Duration delay(SignInThrottle throttle, String user, String client) {
        try (SignInThrottle.Attempt attempt = throttle.attempt(user, client)) {
            return attempt.delay();
        }
    }
}
