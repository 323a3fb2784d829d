package io.mizan.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * An outage of Redis is logged once when it starts and once when it ends, and only an outage after
 * Redis had been reached makes this node's pages resync: at the start there was nothing to miss.
 */
class ReachabilityTest {

    private static final Logger LOG = Logger.getLogger(RedisRelay.class.getName());

    private final List<Level> logged = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getLevel());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final Reachability reachability = new Reachability("redis://localhost:6379");

    @BeforeEach
    void listen() {
        LOG.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        LOG.removeHandler(handler);
    }

    @Test
    void reachedAtOnceIsQuiet() {
        assertFalse(reachability.reachable());
        boolean gap = reachability.reached();
        assertFalse(gap);
        assertTrue(reachability.reachable());
        assertFalse(reachability.settled(gap), "nothing to resync");
        assertEquals(List.of(), logged);
    }

    @Test
    void awayAtTheStartIsWarnedOnceAndNeedsNoResync() {
        reachability.lost(new RuntimeException("refused"));
        reachability.lost(new RuntimeException("refused"));
        assertFalse(reachability.reachable());
        boolean gap = reachability.reached();
        assertTrue(gap);
        assertFalse(reachability.settled(gap), "no page had seen anything yet");
        assertEquals(List.of(Level.WARNING, Level.INFO), logged);
    }

    @Test
    void anOutageAfterReachingIsWarnedOnceAndMakesPagesResync() {
        reachability.settled(reachability.reached());
        reachability.lost(new RuntimeException("the connection closed"));
        reachability.lost(new RuntimeException("refused"));
        boolean gap = reachability.reached();
        assertTrue(gap);
        assertTrue(reachability.settled(gap));
        assertEquals(List.of(Level.WARNING, Level.INFO), logged);
        reachability.lost(new RuntimeException("the connection closed"));
        assertEquals(List.of(Level.WARNING, Level.INFO, Level.WARNING), logged, "the next outage is warned again");
    }
}
