package io.mizan.inprocess.channels.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mizan.MizanException;
import io.mizan.channels.ChannelHub;
import io.mizan.inprocess.InProcess;
import io.mizan.inprocess.channels.ChannelClient;
import io.mizan.invoke.Entry;
import io.mizan.security.Caller;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Live invalidation: after any call that produced keys, every open socket, joined or not, is sent the
 * keys of the contexts its user may read, and nothing when there are none.
 */
class LiveInvalidationTest {

    private InProcess.Deployment deployment;
    private ChannelHub hub;
    private ChannelClient nobody;
    private ChannelClient ann;
    private ChannelClient sam;

    @BeforeEach
    void start() {
        deployment = InProcess.start(Boards.class, Importer.class, BoardChannel.class);
        hub = deployment.bean(ChannelHub.class);
        nobody = ChannelClient.open(hub, Caller.ANONYMOUS); // joined to nothing
        ann = ChannelClient.open(hub, InProcess.user("ann"));
        ann.joinOk("1", "board", "{\"board\":\"general\"}");
        sam = ChannelClient.open(hub, InProcess.user("sam", "staff"));
    }

    @AfterEach
    void stop() {
        deployment.close();
    }

    /** The keys of the one frame that arrived, which is an {@code invalidate} frame and nothing more. */
    private static List<String> invalidated(ChannelClient client) {
        JsonObject frame = client.one();
        assertEquals("invalidate", frame.getString("op"), frame::toString);
        assertEquals(2, frame.size(), () -> "op and keys only: " + frame);
        return frame.getJsonArray("keys").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .sorted()
                .toList();
    }

    @Test
    void aMutationsKeysReachEveryOpenSocketJoinedOrNot() throws Exception {
        deployment.call("addNote", InProcess.user("ann"), Entry.CLIENT, "{\"board\":\"general\",\"text\":\"hi\"}");
        assertEquals(List.of("notes;board=general"), invalidated(nobody));
        assertEquals(List.of("notes;board=general"), invalidated(ann)); // the caller's own tab too
        assertEquals(List.of("notes;board=general"), invalidated(sam));
    }

    @Test
    void eachSocketIsToldOnlyTheKeysItsUserMayRead() throws Exception {
        deployment.call("reorganize", InProcess.user("sam", "staff"), Entry.CLIENT, "{\"board\":\"general\"}");
        assertEquals(List.of("notes;board=general"), invalidated(nobody));
        assertEquals(List.of("inbox", "notes;board=general"), invalidated(ann));
        assertEquals(List.of("inbox", "notes;board=general", "payroll"), invalidated(sam));

        deployment.call("reorganize", InProcess.user("sam", "staff"), Entry.CLIENT, "{\"board\":\"general\"}");
        assertEquals(List.of("notes;board=general"), invalidated(nobody), "the same answer the second time");
        assertEquals(List.of("inbox", "notes;board=general", "payroll"), invalidated(sam));
    }

    @Test
    void aServerOnlyFunctionCalledByServerCodePushesToo() {
        deployment.security().offThread(); // a scheduled job
        deployment.bean(Importer.class).run("general");
        assertEquals(List.of("notes;board=general"), invalidated(nobody));
        assertEquals(List.of("notes;board=general"), invalidated(ann));
        assertEquals(List.of("notes;board=general"), invalidated(sam));
    }

    @Test
    void keysAddedByHandOutsideACallArePushed() {
        deployment.bean(Importer.class).touched("kitchen");
        assertEquals(List.of("notes;board=kitchen"), invalidated(nobody));
        assertEquals(List.of("notes;board=kitchen"), invalidated(ann));
    }

    @Test
    void aFailedCallPushesNothing() {
        assertThrows(
                Exception.class,
                () -> deployment.call(
                        "addNoteThenFail", InProcess.user("ann"), Entry.CLIENT, "{\"board\":\"general\"}"));
        MizanException invalid = assertThrows(
                MizanException.class,
                () -> deployment.call(
                        "addNote", InProcess.user("ann"), Entry.CLIENT, "{\"board\":\"general\",\"text\":\"\"}"));
        assertEquals(422, invalid.status());
        MizanException refused = assertThrows(
                MizanException.class,
                () -> deployment.call("reorganize", InProcess.user("ann"), Entry.CLIENT, "{\"board\":\"general\"}"));
        assertEquals(403, refused.status());
        assertEquals(List.of(), nobody.take());
        assertEquals(List.of(), ann.take());
        assertEquals(List.of(), sam.take());
        assertEquals(List.of(), deployment.invalidated());
    }

    @Test
    void aCallWithoutKeysPushesNothing() throws Exception {
        deployment.call("count", Caller.ANONYMOUS, Entry.CLIENT, "{\"board\":\"general\"}");
        assertEquals(List.of(), nobody.take());
        assertEquals(List.of(), ann.take());
    }

    @Test
    void aClosedSocketIsNotTold() throws Exception {
        ann.closed();
        deployment.call("addNote", InProcess.user("sam"), Entry.CLIENT, "{\"board\":\"general\",\"text\":\"hi\"}");
        assertEquals(List.of(), ann.take());
        assertEquals(List.of("notes;board=general"), invalidated(nobody));
    }
}
