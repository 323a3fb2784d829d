package io.mizan.inprocess.channels.results;

import static io.mizan.inprocess.channels.ChannelClient.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.Broadcaster;
import io.mizan.channels.ChannelHub;
import io.mizan.inprocess.InProcess;
import io.mizan.inprocess.channels.ChannelClient;
import io.mizan.invoke.Entry;
import io.mizan.json.ResultViolation;
import io.mizan.security.Caller;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

/**
 * A message that breaks its type (a {@code null} where the model says there is never one, at any
 * depth) is the server's bug: the broadcast throws, so its caller learns, and nobody is sent anything.
 */
class ResultViolationTest {

    private InProcess.Deployment deployment;
    private Broadcaster broadcaster;
    private ChannelClient ann;
    private ChannelClient bob;

    @BeforeEach
    void start() {
        deployment = InProcess.start(AlertChannel.class, Incidents.class);
        ChannelHub hub = deployment.bean(ChannelHub.class);
        broadcaster = deployment.bean(Broadcaster.class);
        ann = ChannelClient.open(hub, InProcess.user("ann"));
        ann.joinOk("1", "alerts", "{\"team\":\"ops\"}");
        bob = ChannelClient.open(hub, Caller.ANONYMOUS);
        bob.joinOk("1", "alerts", "{\"team\":\"ops\"}");
    }

    @AfterEach
    void stop() {
        deployment.close();
    }

    @Test
    void aNullWhereTheTypeSaysNonNullThrowsAndNothingIsSent() {
        ResultViolation violation = assertThrows(
                ResultViolation.class,
                () -> broadcaster.send(AlertChannel.class, "ops", new Alert(null, List.of(), "x")));
        assertTrue(violation.getMessage().contains("text"), violation::getMessage);
        assertEquals(List.of(), ann.take());
        assertEquals(List.of(), bob.take());
    }

    @Test
    void aNullDeepInsideIsFoundToo() {
        ResultViolation violation = assertThrows(
                ResultViolation.class,
                () -> broadcaster.send(AlertChannel.class, "ops", new Alert("disk", Arrays.asList("a", null), null)));
        assertTrue(violation.getMessage().contains("tags"), violation::getMessage);
        assertEquals(List.of(), ann.take());
        assertEquals(List.of(), bob.take());
    }

    @Test
    void aNullWhereTheTypeAllowsItIsSent() {
        broadcaster.send(AlertChannel.class, "ops", new Alert("disk", List.of("db"), null));
        JsonObject data = ann.one().getJsonObject("data");
        assertEquals("disk", data.getString("text"));
        assertTrue(data.isNull("note"));
        assertEquals(1, bob.take().size());
    }

    @Test
    void aMutationWhoseBroadcastBreaksTheTypeFailsAndPushesNothing() {
        Exception failed = assertThrows(
                Exception.class,
                () -> deployment.call("raise", Caller.ANONYMOUS, Entry.CLIENT, "{\"team\":\"ops\",\"title\":\"\"}"));
        assertTrue(causes(failed).stream().anyMatch(ResultViolation.class::isInstance), failed::toString);
        assertEquals(List.of(), ann.take(), "no message and no invalidate");
        assertEquals(List.of(), bob.take());
        assertEquals(List.of(), deployment.invalidated());
    }

    @Test
    void aReplyThatBreaksTheTypeIsA500ForTheSenderAlone() {
        ann.send("1", "{\"text\":\"hello\",\"tags\":[]}");
        JsonObject error = assertError(ann.one(), "1", 500, "MIZAN-121");
        assertFalse(error.getString("id").isBlank());
        assertFalse(error.toString().contains("ResultViolation"), error::toString);
        assertEquals(List.of(), bob.take());
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> all = new java.util.ArrayList<>();
        for (Throwable c = t; c != null && !all.contains(c); c = c.getCause()) {
            all.add(c);
        }
        return all;
    }
}
