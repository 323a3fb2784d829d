package io.mizan.inprocess.channels.joining;

import static io.mizan.inprocess.channels.ChannelClient.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.channels.ChannelHub;
import io.mizan.inprocess.InProcess;
import io.mizan.inprocess.channels.ChannelClient;
import io.mizan.security.Caller;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * Joining and leaving, and every error a join, send or leave frame can earn: each is an error frame
 * with the status a call would have had and Mizan's code, and the socket stays open.
 */
class JoiningTest {

    private InProcess.Deployment deployment;
    private ChannelHub hub;

    @BeforeEach
    void start() {
        deployment = InProcess.start(Map.of("mizan.channels.max-joins", "3"), RoomChannel.class);
        hub = deployment.bean(ChannelHub.class);
    }

    @AfterEach
    void stop() {
        deployment.close();
    }

    @Test
    void aJoinIsAnsweredJoined() {
        ChannelClient ann = ChannelClient.open(hub, InProcess.user("ann"));
        ann.join("1", "rooms", "{\"room\":\"lobby\"}");
        JsonObject joined = ann.one();
        assertEquals("joined", joined.getString("op"));
        assertEquals("1", joined.getString("ref"));
        assertEquals(2, joined.size(), () -> "nothing else: " + joined);
    }

    @Test
    void anUnknownChannelIs404AndTheSocketStaysOpen() {
        ChannelClient ann = ChannelClient.open(hub, InProcess.user("ann"));
        ann.join("1", "nope", "{}");
        JsonObject error = assertError(ann.one(), "1", 404, "MIZAN-171");
        assertEquals("Not Found", error.getString("title"));
        ann.joinOk("1", "rooms", "{\"room\":\"lobby\"}"); // the ref of a refused join is free
        assertNull(ann.transport().closeCode());
    }

    @Test
    void malformedFramesAre400WithTheRefWhenOneCouldBeRead() {
        ChannelClient ann = ChannelClient.open(hub, Caller.ANONYMOUS);
        ann.frame("{\"op\":\"join\",");
        assertError(ann.one(), null, 400, "MIZAN-111"); // not JSON: the JSON error's own code
        ann.frame("[1]");
        assertError(ann.one(), null, 400, "MIZAN-170"); // JSON, but no frame
        ann.frame("{\"op\":\"join\",\"op\":\"leave\",\"ref\":\"1\"}");
        assertError(ann.one(), null, 400, "MIZAN-115");
        ann.frame("");
        assertError(ann.one(), null, 400, "MIZAN-170");
        ann.frame("{\"op\":\"join\",\"channel\":\"rooms\"}");
        assertError(ann.one(), null, 400, "MIZAN-170"); // no ref
        ann.frame("{\"op\":\"join\",\"ref\":1,\"channel\":\"rooms\"}");
        assertError(ann.one(), null, 400, "MIZAN-170"); // a ref that is not a string
        ann.frame("{\"op\":\"join\",\"ref\":\"" + "r".repeat(65) + "\",\"channel\":\"rooms\"}");
        assertError(ann.one(), null, 400, "MIZAN-170"); // a ref too long
        ann.frame("{\"ref\":\"1\",\"channel\":\"rooms\"}");
        assertError(ann.one(), "1", 400, "MIZAN-170"); // no op
        ann.frame("{\"op\":\"dance\",\"ref\":\"1\"}");
        JsonObject unknownOp = assertError(ann.one(), "1", 400, "MIZAN-170");
        assertTrue(unknownOp.getString("detail").contains("dance"), unknownOp::toString);
        assertNull(ann.transport().closeCode(), "nine bad frames: still open");
        ann.joinOk("1", "rooms", "{\"room\":\"lobby\"}");
    }

    @Test
    void aJoinWithoutAChannelOrWithParamsNotAnObjectIs400() {
        ChannelClient ann = ChannelClient.open(hub, Caller.ANONYMOUS);
        ann.frame("{\"op\":\"join\",\"ref\":\"1\"}");
        assertError(ann.one(), "1", 400, "MIZAN-170");
        ann.join("1", "rooms", "[\"lobby\"]");
        assertError(ann.one(), "1", 400, "MIZAN-170");
        ann.join("1", "rooms", "{\"room\":5}");
        JsonObject wrongType = assertError(ann.one(), "1", 400, "MIZAN-134");
        assertTrue(wrongType.getString("detail").contains("params.room"), wrongType::toString);
        ann.join("1", "rooms", "{}");
        JsonObject missing = assertError(ann.one(), "1", 400, "MIZAN-132");
        assertTrue(missing.getString("detail").contains("params.room"), missing::toString);
    }

    @Test
    void paramsFailingBeanValidationAre422WithJsonPaths() {
        ChannelClient ann = ChannelClient.open(hub, InProcess.user("ann"));
        ann.join("1", "rooms", "{\"room\":\" \"}");
        JsonObject error = assertError(ann.one(), "1", 422, "MIZAN-179");
        assertEquals(1, error.getJsonArray("errors").size(), error::toString);
        JsonObject field = error.getJsonArray("errors").getJsonObject(0);
        assertEquals("params.room", field.getString("path")); // the JSON name, not the Java name
        assertTrue(!field.getString("message").isBlank());
        ann.join("1", "rooms", "{\"room\":\"" + "x".repeat(21) + "\"}");
        JsonObject tooLong = assertError(ann.one(), "1", 422, "MIZAN-179");
        assertEquals(
                "params.room", tooLong.getJsonArray("errors").getJsonObject(0).getString("path"));
    }

    @Test
    void aRefusedJoinIs401ForNobodyAnd403ForSomebody() {
        ChannelClient nobody = ChannelClient.open(hub, Caller.ANONYMOUS);
        nobody.join("1", "rooms", "{\"room\":\"staff_room\"}");
        assertError(nobody.one(), "1", 401, "MIZAN-174");

        ChannelClient ann = ChannelClient.open(hub, InProcess.user("ann"));
        ann.join("1", "rooms", "{\"room\":\"staff_room\"}");
        assertError(ann.one(), "1", 403, "MIZAN-175");

        ChannelClient sam = ChannelClient.open(hub, InProcess.user("sam", "staff"));
        sam.joinOk("1", "rooms", "{\"room\":\"staff_room\"}");
    }

    @Test
    void aRefJoinedTwiceIs409() {
        ChannelClient ann = ChannelClient.open(hub, InProcess.user("ann"));
        ann.joinOk("1", "rooms", "{\"room\":\"lobby\"}");
        ann.join("1", "rooms", "{\"room\":\"kitchen\"}");
        assertError(ann.one(), "1", 409, "MIZAN-173");
        ann.joinOk("2", "rooms", "{\"room\":\"kitchen\"}");
    }

    @Test
    void joinsBeyondTheLimitAre429() {
        ChannelClient ann = ChannelClient.open(hub, InProcess.user("ann"));
        for (String ref : List.of("1", "2", "3")) {
            ann.joinOk(ref, "rooms", "{\"room\":\"r" + ref + "\"}");
        }
        ann.join("4", "rooms", "{\"room\":\"r4\"}");
        assertError(ann.one(), "4", 429, "MIZAN-176");
        ann.leave("1");
        assertEquals(List.of("left"), ann.ops());
        ann.joinOk("4", "rooms", "{\"room\":\"r4\"}");

        ChannelClient bob = ChannelClient.open(hub, InProcess.user("bob"));
        bob.joinOk("1", "rooms", "{\"room\":\"r1\"}"); // the limit is per socket
    }

    @Test
    void anUnknownRefIs404OnSendAndLeave() {
        ChannelClient ann = ChannelClient.open(hub, InProcess.user("ann"));
        ann.send("9", "{\"text\":\"hi\"}");
        assertError(ann.one(), "9", 404, "MIZAN-172");
        ann.leave("9");
        assertError(ann.one(), "9", 404, "MIZAN-172");
    }

    @Test
    void aRefIsEchoedExactlyWhateverItHolds() {
        ChannelClient ann = ChannelClient.open(hub, InProcess.user("ann"));
        String ref = "<\"é\\\n\u2028>";
        String refJson = "\"<\\\"é\\\\\\n\\u2028>\"";
        ann.frame("{\"op\":\"join\",\"ref\":" + refJson + ",\"channel\":\"rooms\",\"params\":{\"room\":\"lobby\"}}");
        assertEquals(ref, ann.one().getString("ref"));
        ann.frame("{\"op\":\"send\",\"ref\":" + refJson + ",\"data\":{\"text\":\"hi\"}}");
        assertError(ann.one(), ref, 405, "MIZAN-178");
        ann.frame("{\"op\":\"leave\",\"ref\":" + refJson + "}");
        JsonObject left = ann.one();
        assertEquals("left", left.getString("op"));
        assertEquals(ref, left.getString("ref"));
    }

    @Test
    void aLeaveIsAnsweredLeftAndFreesTheRef() {
        ChannelClient ann = ChannelClient.open(hub, InProcess.user("ann"));
        ann.joinOk("1", "rooms", "{\"room\":\"lobby\"}");
        ann.leave("1");
        JsonObject left = ann.one();
        assertEquals("left", left.getString("op"));
        assertEquals("1", left.getString("ref"));
        ann.leave("1");
        assertError(ann.one(), "1", 404, "MIZAN-172");
        ann.joinOk("1", "rooms", "{\"room\":\"kitchen\"}");
    }
}
