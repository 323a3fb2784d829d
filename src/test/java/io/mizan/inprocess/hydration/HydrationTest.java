package io.mizan.inprocess.hydration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mizan.hydration.Hydration;
import io.mizan.inprocess.InProcess;
import io.mizan.security.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The hydration document holds every global context the caller may read; one that fails, whose check
 * throws, or that only server code may call is left out, and the page is still served.
 */
class HydrationTest {

    // the left-out contexts are logged as warnings: expected here
    static final Logger LOG = Logger.getLogger(Hydration.class.getName());

    InProcess.Deployment deployment;
    Level level;

    @BeforeEach
    void start() {
        level = LOG.getLevel();
        LOG.setLevel(Level.SEVERE);
        deployment = InProcess.start(Site.class, Flaky.class);
    }

    @AfterEach
    void stop() {
        deployment.close();
        LOG.setLevel(level);
    }

    String contexts(Caller caller) {
        return deployment.bean(Hydration.class).contexts(caller, null);
    }

    @Test
    void anAnonymousCallerGetsThePublicContextsOnly() {
        assertEquals("{\"contexts\":{\"banner\":\"Welcome\"}}", contexts(Caller.ANONYMOUS));
    }

    @Test
    void aSignedInCallerGetsWhatTheyMayRead() {
        assertEquals(
                "{\"contexts\":{\"banner\":\"Welcome\",\"currentUser\":\"ann\"}}", contexts(InProcess.user("ann")));
        assertEquals(
                "{\"contexts\":{\"banner\":\"Welcome\",\"currentUser\":\"sam\",\"staffNotes\":[\"stocktake on Friday\"]}}",
                contexts(InProcess.user("sam", "staff")));
    }
}
