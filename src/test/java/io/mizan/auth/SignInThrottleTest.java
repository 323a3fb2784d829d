package io.mizan.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

class SignInThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final SignInThrottle throttle = new SignInThrottle(4, Duration.ofSeconds(60), now::get);

    @Test
    void failuresPastHalfTheLimitAreSlowedAndAtTheLimitRefusedUntilTheOldestLeaves() {
        assertEquals(Duration.ZERO, throttle.delay("ann", "1.2.3.4"));
        throttle.failed("ann", "1.2.3.4");
        throttle.failed("ann", "1.2.3.4");
        assertEquals(Duration.ZERO, throttle.delay("ann", "1.2.3.4"), "half the limit: not slowed yet");
        throttle.failed("ann", "1.2.3.4");
        assertEquals(Duration.ofMillis(250), throttle.delay("ann", "1.2.3.4"));
        assertEquals(Duration.ZERO, throttle.refusal("ann", "1.2.3.4"));
        now.addAndGet(10_000);
        throttle.failed("ann", "1.2.3.4");
        assertEquals(Duration.ofMillis(500), throttle.delay("ann", "1.2.3.4"));
        assertEquals(Duration.ofSeconds(50), throttle.refusal("ann", "1.2.3.4"), "until the first failure is 60 s old");
        assertEquals(Duration.ofSeconds(50), throttle.refusal("ANN", "9.9.9.9"), "the user, from anywhere, any case");
        assertEquals(Duration.ofSeconds(50), throttle.refusal("bob", "1.2.3.4"), "the client, for anyone");
        assertEquals(Duration.ZERO, throttle.refusal("bob", "9.9.9.9"));
        now.addAndGet(50_000);
        assertEquals(Duration.ZERO, throttle.refusal("ann", "1.2.3.4"), "the oldest failure left the window");
    }

    @Test
    void aSuccessForgetsTheUsersFailuresButNotTheClients() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("ann", "1.2.3.4");
        }
        throttle.succeeded("ann");
        assertEquals(Duration.ZERO, throttle.refusal("ann", "5.6.7.8"));
        assertTrue(throttle.refusal("ann", "1.2.3.4").toSeconds() > 0);
    }

    @Test
    void theDelayGrowsToTwoSecondsAtMost() {
        SignInThrottle lenient = new SignInThrottle(40, Duration.ofSeconds(60), now::get);
        for (int i = 0; i < 30; i++) {
            lenient.failed("ann", "1.2.3.4");
        }
        assertEquals(Duration.ofMillis(2000), lenient.delay("ann", "1.2.3.4"));
        assertEquals(Duration.ZERO, lenient.delay(null, null));
    }

    @Test
    void keysAreBoundedAndExpiredOnesGoFirst() {
        SignInThrottle small = new SignInThrottle(2, Duration.ofSeconds(1), now::get);
        for (int i = 0; i < SignInThrottle.MAX_KEYS; i++) {
            small.failed("user" + i, null);
        }
        small.failed("late", "9.9.9.9");
        assertEquals(Duration.ZERO, small.refusal("late", "x"), "no room for a new key while all are fresh");
        now.addAndGet(2_000);
        small.failed("late", "9.9.9.9");
        small.failed("late", "9.9.9.9");
        assertTrue(small.refusal("late", "x").toMillis() > 0, "expired keys made room");
    }
}
