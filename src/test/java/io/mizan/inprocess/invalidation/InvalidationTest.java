package io.mizan.inprocess.invalidation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mizan.Invalidator;
import io.mizan.MizanException;
import io.mizan.inprocess.InProcess;
import io.mizan.invoke.Entry;
import io.mizan.invoke.Outcome;
import io.mizan.json.ResultViolation;
import io.mizan.security.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * Keys through the real invoker and {@code @Client} interceptor: what a mutation changes comes back with
 * its answer and fires {@link io.mizan.Invalidated} once; a failed call changes nothing.
 */
class InvalidationTest {

    InProcess.Deployment deployment;

    @BeforeEach
    void start() {
        deployment = InProcess.start(Profiles.class, Audit.class);
    }

    @AfterEach
    void stop() {
        deployment.close();
    }

    Outcome call(String name, String json) throws Exception {
        return deployment.call(name, Caller.ANONYMOUS, Entry.CLIENT, json);
    }

    @Test
    void aMutationsKeysAreScopedBySharedParameterNames() throws Exception {
        Outcome outcome = call("rename", "{\"userId\":5,\"name\":\"Eve\"}");
        assertEquals("{\"name\":\"Eve\",\"userId\":5}", outcome.json());
        assertEquals(
                List.of("auditLog", "currentUser", "userProfile;userId=5"),
                outcome.keys(),
                "the nested call's key, then the mutation's: the whole currentUser, user 5's profile only");
    }

    @Test
    void theOutermostCallFiresInvalidatedOnceWithEveryKey() throws Exception {
        call("rename", "{\"userId\":5,\"name\":\"Eve\"}");
        assertEquals(List.of(List.of("auditLog", "currentUser", "userProfile;userId=5")), deployment.invalidated());
    }

    @Test
    void aCallThatFailsOnPurposePublishesNothing() {
        MizanException refused =
                assertThrows(MizanException.class, () -> call("rename", "{\"userId\":5,\"name\":\"taken\"}"));
        assertEquals(422, refused.status());
        assertEquals(List.of(), deployment.invalidated(), "the audit entry's key is dropped with the call");
    }

    @Test
    void aCallThatThrowsDropsTheKeysItAddedByHand() {
        assertThrows(IllegalStateException.class, () -> call("touchThenFail", "{\"userId\":5}"));
        assertEquals(List.of(), deployment.invalidated());
    }

    @Test
    void aNestedCallThatFailsAddsNothingToTheCallThatCaughtIt() throws Exception {
        assertEquals(List.of("currentUser"), call("signOut", "{\"userId\":5}").keys());
        assertEquals(List.of(List.of("currentUser")), deployment.invalidated());
    }

    @Test
    void argumentsFailingBeanValidationRunNothingAndPublishNothing() {
        MizanException invalid =
                assertThrows(MizanException.class, () -> call("rename", "{\"userId\":5,\"name\":\" \"}"));
        assertEquals(422, invalid.status());
        assertEquals("name", invalid.fieldErrors().get(0).path());
        assertEquals(0, deployment.bean(Profiles.class).renamed());
        assertEquals(List.of(), deployment.bean(Audit.class).auditLog());
        assertEquals(List.of(), deployment.invalidated());
    }

    @Test
    void theInvalidatorAddsKeysToTheCallItRunsIn() throws Exception {
        Outcome outcome = call("touch", "{\"userId\":7}");
        assertEquals(List.of("userProfile;userId=7"), outcome.keys());
        assertEquals(List.of(List.of("userProfile;userId=7")), deployment.invalidated());
    }

    @Test
    void theInvalidatorOutsideAnyCallPublishesAtOnce() {
        Invalidator invalidator = deployment.bean(Invalidator.class);
        invalidator.invalidate("auditLog");
        assertEquals(List.of(List.of("auditLog")), deployment.invalidated());
        invalidator.invalidate("userProfile", Map.of("userId", 3));
        assertEquals(List.of(List.of("auditLog"), List.of("userProfile;userId=3")), deployment.invalidated());
    }

    @Test
    void theInvalidatorRefusesANameThatIsNoContext() {
        Invalidator invalidator = deployment.bean(Invalidator.class);
        assertThrows(IllegalArgumentException.class, () -> invalidator.invalidate("rename"));
        assertThrows(IllegalArgumentException.class, () -> invalidator.invalidate("userProfile", Map.of("id", 3)));
        assertEquals(List.of(), deployment.invalidated());
    }

    @Test
    void aCallWhoseResultBreaksTheModelPublishesNothing() {
        assertThrows(ResultViolation.class, () -> call("forget", "{}"));
        assertEquals(List.of(), deployment.invalidated());
    }
}
